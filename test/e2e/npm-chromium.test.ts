// The Chromium that `npm install` brings (@sparticuz/chromium), the browser
// tests' fallback on a machine without one: it must start under our
// Playwright with the flags every browser test uses and draw WebGL 2 through
// SwiftShader, which is what the player needs. Runs even where a system
// Chromium exists, so the fallback cannot rot unnoticed.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, npmChromium } from '../support/browser.js';

const found = npmChromium();

describe('the Chromium from npm', () => {
  let browser: Browser;
  beforeAll(async () => {
    expect(found, '@sparticuz/chromium is a devDependency: run npm install').not.toBeNull();
    browser = await launchChromium(found);
  });
  afterAll(async () => browser?.close());

  it('draws a WebGL 2 triangle with SwiftShader and text with a font', async () => {
    const page = await browser.newPage({ viewport: { width: 200, height: 140 } });
    await page.setContent('<body style="margin:0;background:#fff"><canvas width="200" height="100"></canvas><p style="margin:0;font:24px sans-serif">Cairn</p></body>');
    const result = await page.evaluate(() => {
      const gl = document.querySelector('canvas')!.getContext('webgl2', { preserveDrawingBuffer: true });
      if (gl === null) return null;
      const shader = (type: number, text: string) => {
        const s = gl.createShader(type)!;
        gl.shaderSource(s, text);
        gl.compileShader(s);
        return s;
      };
      const program = gl.createProgram()!;
      gl.attachShader(program, shader(gl.VERTEX_SHADER, '#version 300 es\nin vec2 p; void main() { gl_Position = vec4(p, 0.0, 1.0); }'));
      gl.attachShader(program, shader(gl.FRAGMENT_SHADER, '#version 300 es\nprecision mediump float; out vec4 o; void main() { o = vec4(1.0, 0.5, 0.0, 1.0); }'));
      gl.linkProgram(program);
      gl.useProgram(program);
      gl.clearColor(0, 0, 1, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
      gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-0.9, -0.9, 0.9, -0.9, 0, 0.9]), gl.STATIC_DRAW);
      gl.enableVertexAttribArray(0);
      gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
      gl.drawArrays(gl.TRIANGLES, 0, 3);
      const pixel = (x: number, y: number) => {
        const out = new Uint8Array(4);
        gl.readPixels(x, y, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, out);
        return [...out];
      };
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return {
        version: gl.getParameter(gl.VERSION) as string,
        renderer: info ? (gl.getParameter(info.UNMASKED_RENDERER_WEBGL) as string) : '',
        centre: pixel(100, 40),
        corner: pixel(2, 97),
        textWidth: document.querySelector('p')!.getBoundingClientRect().width,
      };
    });
    expect(result).not.toBeNull();
    expect(result!.version).toMatch(/^WebGL 2\.0/);
    expect(result!.renderer).toMatch(/SwiftShader/);
    expect(result!.centre).toEqual([255, 128, 0, 255]);
    expect(result!.corner).toEqual([0, 0, 255, 255]);
    expect(result!.textWidth).toBeGreaterThan(30);
    // The screenshot is the compositor's picture, not only the drawing buffer's.
    const { PNG } = await import('pngjs');
    const shot = PNG.sync.read(await page.screenshot());
    const at = (x: number, y: number) => [...shot.data.subarray((y * shot.width + x) * 4, (y * shot.width + x) * 4 + 3)];
    expect(at(100, 60)).toEqual([255, 128, 0]);
    expect(at(2, 2)).toEqual([0, 0, 255]);
  });
});

#!/bin/sh
# Installs the Debian package on this machine as `apt install ./cairn_….deb`
# would, but inside a private mount namespace (`unshare --mount`) whose /usr,
# /var and /etc are overlays with throwaway upper layers: the host is never
# changed. Node.js and npm are deleted from the overlay, so nothing but the
# package can run Cairn. Then, as a file manager would (PATH=/usr/bin:/bin, a
# display, a generic desktop): xdg-mime's answers, and xdg-open of the game
# (without the xdg tools: `cairn play` of it),
# whose $BROWSER script notes the address for the test, which fetches the page
# and stops `cairn play`. Then the package is removed and asked about again.
# Prints `key: value` lines for the test (test/release/debian-package.test.ts).
#   install-in-namespace.sh WORK DEB GAME
set -eu
work=$1 deb=$2 game=$3
mkdir -p "$work/layers"
mount -t tmpfs tmpfs "$work/layers"
for dir in usr var etc; do
  mkdir -p "$work/layers/$dir/upper" "$work/layers/$dir/work"
  mount -t overlay overlay -o "lowerdir=/$dir,upperdir=$work/layers/$dir/upper,workdir=$work/layers/$dir/work" "/$dir"
done
rm -f /usr/bin/node /usr/bin/nodejs /usr/bin/npm /usr/bin/npx /usr/local/bin/node /usr/local/bin/npm /usr/local/bin/npx
as_user() {
  env -i HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
    XDG_CACHE_HOME="$work/home/.cache" PATH=/usr/bin:/bin DISPLAY=:99 XDG_CURRENT_DESKTOP=X-Generic \
    BROWSER="$work/browser.sh" NO_COLOR=1 "$@"
}
as_root() { env PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }
echo "node on PATH: $(as_user sh -c 'command -v node || command -v nodejs || echo none')"
as_root dpkg --log=/dev/null -i "$deb" > "$work/dpkg-install.txt" 2>&1 || { echo "install: failed"; cat "$work/dpkg-install.txt"; exit 1; }
echo "install: ok"
echo "version: $(as_user cairn --version)"
# Without xdg-utils and shared-mime-info there is no file type to ask about: `cairn play` opens the game instead.
if as_user sh -c 'command -v xdg-mime && command -v xdg-open && command -v update-mime-database && command -v update-desktop-database && command -v mimetype' > /dev/null; then
  echo "xdg: yes"
  echo "filetype: $(as_user xdg-mime query filetype "$game")"
  echo "default: $(as_user xdg-mime query default application/x-cairn-bundle)"
  as_user xdg-open "$game" > "$work/opener.txt" 2>&1 &
else
  echo "xdg: no"
  as_user /usr/bin/cairn play "$game" > "$work/opener.txt" 2>&1 &
fi
opener=$!
i=0
while [ ! -e "$work/served" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
wait $opener || true
as_root dpkg --log=/dev/null --purge cairn > "$work/dpkg-remove.txt" 2>&1 || { echo "remove: failed"; cat "$work/dpkg-remove.txt"; exit 1; }
echo "remove: ok"
if as_user sh -c 'command -v xdg-mime' > /dev/null; then
  echo "after filetype: $(as_user xdg-mime query filetype "$game")"
  echo "after default: $(as_user xdg-mime query default application/x-cairn-bundle)"
fi
for file in /usr/bin/cairn /usr/share/mime/packages/cairn.xml /usr/share/applications/cairn.desktop \
  /usr/share/icons/hicolor/scalable/apps/cairn.svg /usr/share/icons/hicolor/scalable/mimetypes/application-x-cairn-bundle.svg \
  /usr/share/man/man1/cairn.1.gz /usr/share/doc/cairn; do
  if [ -e "$file" ]; then echo "left: $file"; fi
done
if grep -qs 'x-cairn-bundle' /usr/share/mime/globs2 /usr/share/applications/mimeinfo.cache; then echo "left: the type in the MIME or desktop database"; fi
echo "end: ok"

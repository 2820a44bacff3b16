// The abstract syntax tree of Cairn script: what the grammar's actions build
// and what the compiler passes read. Plain data with a `kind` tag and a `span`
// on every node; no behaviour. Imports only the Span type.

import type { Span } from '../errors.js';

/** Every node carries the range of source it was parsed from. */
export interface NodeBase {
  span: Span;
}

/** A name as written, with its own span (for precise carets). */
export interface Ident extends NodeBase {
  kind: 'Ident';
  name: string;
}

// ─── Expressions ────────────────────────────────────────────────────────────

export interface NumberLit extends NodeBase { kind: 'Number'; value: number }
/** A string without `{…}` interpolation; escapes already decoded. */
export interface StringLit extends NodeBase { kind: 'String'; value: string }
/** A string with interpolation: literal text parts and expressions, in order. */
export interface InterpLit extends NodeBase { kind: 'Interp'; parts: Array<string | Expr> }
export interface BoolLit extends NodeBase { kind: 'Bool'; value: boolean }
export interface NilLit extends NodeBase { kind: 'Nil' }
export interface ListLit extends NodeBase { kind: 'List'; items: Expr[] }
/** A map entry's key is a bare identifier or a string literal: `{gold: 3, "a b": 1}`. */
export interface MapEntry extends NodeBase { key: string; value: Expr }
export interface MapLit extends NodeBase { kind: 'Map'; entries: MapEntry[] }
/** A parenthesised tuple of 2 or more: `(320, 200)` is a point; 4-tuples appear in properties. */
export interface TupleLit extends NodeBase { kind: 'Tuple'; items: Expr[] }
export interface NameRef extends NodeBase { kind: 'Name'; name: string }
export interface Unary extends NodeBase { kind: 'Unary'; op: '-' | 'not'; operand: Expr }
export type BinaryOp = 'or' | 'and' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '..' | '+' | '-' | '*' | '/' | '%';
export interface Binary extends NodeBase { kind: 'Binary'; op: BinaryOp; left: Expr; right: Expr; opSpan: Span }
export interface Call extends NodeBase { kind: 'Call'; callee: Expr; args: Expr[] }
export interface Index extends NodeBase { kind: 'Index'; target: Expr; index: Expr }
export interface Member extends NodeBase { kind: 'Member'; target: Expr; name: Ident }
/** `spawn f(args)`: starts a thread, evaluates to its handle. */
export interface Spawn extends NodeBase { kind: 'Spawn'; call: Call }

export type Expr =
  | NumberLit | StringLit | InterpLit | BoolLit | NilLit | ListLit | MapLit | TupleLit
  | NameRef | Unary | Binary | Call | Index | Member | Spawn;

// ─── Statements ─────────────────────────────────────────────────────────────

export interface Block extends NodeBase { kind: 'Block'; body: Stmt[] }
export interface Let extends NodeBase { kind: 'Let'; name: Ident; init: Expr }
export type AssignOp = '=' | '+=' | '-=' | '*=' | '/=';
export interface Assign extends NodeBase { kind: 'Assign'; target: NameRef | Member | Index; op: AssignOp; value: Expr }
export interface ExprStmt extends NodeBase { kind: 'ExprStmt'; expr: Expr }
/** `else if` chains nest: `otherwise` is a Block or another If. */
export interface If extends NodeBase { kind: 'If'; cond: Expr; then: Block; otherwise?: Block | If }
export interface While extends NodeBase { kind: 'While'; cond: Expr; body: Block }
export interface For extends NodeBase { kind: 'For'; variable: Ident; iterable: Expr; body: Block }
export interface Break extends NodeBase { kind: 'Break' }
export interface Continue extends NodeBase { kind: 'Continue' }
export interface Return extends NodeBase { kind: 'Return'; value?: Expr }
/** `wait 0.5` (seconds) or `wait 30 ticks`. */
export interface Wait extends NodeBase { kind: 'Wait'; amount: Expr; unit: 'seconds' | 'ticks' }
export interface WaitUntil extends NodeBase { kind: 'WaitUntil'; cond: Expr }
export interface Yield extends NodeBase { kind: 'Yield' }
/** `stop t` ends a thread. (`stop music` is StopMusic.) */
export interface StopThread extends NodeBase { kind: 'StopThread'; thread: Expr }
export interface Print extends NodeBase { kind: 'Print'; value: Expr }
/** `debug`: tells the host's debugger where the thread is (`cairn dev`); nothing in an exported game. */
export interface Debug extends NodeBase { kind: 'Debug' }

// Adventure statements (docs/language.md, "Adventure statements"). Entity names are Idents, resolved by the compiler.
/** `say "text"` or `say keeper "text"`. */
/** `say [actor] TEXT [#id] [voice "file"]`: `pin` fixes the line's translation id, `voice` names its voice file. */
export interface Say extends NodeBase { kind: 'Say'; actor?: Ident; text: Expr; pin?: Ident; voice?: Expr }
/** `walk hero to shell` or `walk hero to (200, 330)`. */
export interface Walk extends NodeBase { kind: 'Walk'; actor: Ident; to: Expr }
export interface Choose extends NodeBase { kind: 'Choose'; dialog: Ident }
export interface Cutscene extends NodeBase { kind: 'Cutscene'; body: Block }
export interface Take extends NodeBase { kind: 'Take'; object: Ident }
export interface Drop extends NodeBase { kind: 'Drop'; object: Ident }
export interface Go extends NodeBase { kind: 'Go'; room: Ident }
export interface Put extends NodeBase { kind: 'Put'; actor: Ident; room: Ident; at: Expr }
export interface Control extends NodeBase { kind: 'Control'; actor: Ident }
export interface Face extends NodeBase { kind: 'Face'; actor: Ident; direction: 'left' | 'right' | 'up' | 'down' }
export interface Show extends NodeBase { kind: 'Show'; object: Ident }
export interface Hide extends NodeBase { kind: 'Hide'; object: Ident }
/** `play sound "file"`; the path is a string literal so the compiler can check it exists. */
export interface PlaySound extends NodeBase { kind: 'PlaySound'; file: StringLit }
export interface PlayMusic extends NodeBase { kind: 'PlayMusic'; file: StringLit; fade?: Expr }
export interface StopMusic extends NodeBase { kind: 'StopMusic'; fade?: Expr }
export interface EndGame extends NodeBase { kind: 'EndGame' }
/** `done` leaves the dialog the option belongs to. */
export interface Done extends NodeBase { kind: 'Done' }

export type Stmt =
  | Block | Let | Assign | ExprStmt | If | While | For | Break | Continue | Return
  | Wait | WaitUntil | Yield | StopThread | Print | Debug
  | Say | Walk | Choose | Cutscene | Take | Drop | Go | Put | Control | Face | Show | Hide
  | PlaySound | PlayMusic | StopMusic | EndGame | Done;

// ─── Declarations ───────────────────────────────────────────────────────────

export interface Param extends NodeBase { name: Ident; default?: Expr }
export interface FnDecl extends NodeBase { kind: 'Fn'; name: Ident; params: Param[]; body: Block }
export interface ConstDecl extends NodeBase { kind: 'Const'; name: Ident; value: Expr }
export interface VarDecl extends NodeBase { kind: 'Var'; name: Ident; init: Expr }
/**
 * An event handler: `on start`, `on enter`, `on look`, `on use with key`,
 * `on unhandled(verb, target)`. `event` is the word after `on`; `with` is set
 * for two-object handlers; `params` for handlers that take arguments.
 */
export interface Handler extends NodeBase { kind: 'Handler'; event: Ident; with?: Ident; params: Ident[]; body: Block }
/** `name: value` in a declaration; `fps` only for costume animations (`walk: [1, 2] fps 8`). */
export interface Property extends NodeBase { kind: 'Property'; name: Ident; value: Expr; fps?: Expr }
export interface VerbEntry extends NodeBase { id: Ident; label: StringLit }
export interface VerbsDecl extends NodeBase { kind: 'Verbs'; verbs: VerbEntry[] }
export interface ActorDecl extends NodeBase { kind: 'Actor'; name: Ident; properties: Property[]; handlers: Handler[] }
export interface CostumeDecl extends NodeBase { kind: 'Costume'; name: Ident; properties: Property[] }
export interface ObjectDecl extends NodeBase { kind: 'Object'; name: Ident; properties: Property[]; handlers: Handler[] }
export interface RoomDecl extends NodeBase { kind: 'Room'; name: Ident; properties: Property[]; objects: ObjectDecl[]; handlers: Handler[] }
/** `option "text" [once] [if cond] { … }` */
export interface DialogOption extends NodeBase { text: Expr; pin?: Ident; once: boolean; condition?: Expr; body: Block }
export interface DialogDecl extends NodeBase { kind: 'Dialog'; name: Ident; options: DialogOption[] }

export type Decl = FnDecl | ConstDecl | VarDecl | Handler | VerbsDecl | ActorDecl | CostumeDecl | ObjectDecl | RoomDecl | DialogDecl;

/** What a file holds at top level: declarations, and a stray `return` the compiler reports (RETURN_AT_TOP_LEVEL). */
export type TopLevel = Decl | Return;

/** One parsed `.adv` file. */
export interface Program extends NodeBase { kind: 'Program'; file: string; decls: TopLevel[] }

/** Any node, for generic walkers. */
export type Node = Expr | Stmt | Decl | Program | Property | DialogOption | Param | Ident | MapEntry | VerbEntry;

package io.gatehouse.engine.expr;

import java.util.List;

/** The syntax tree of an expression or statement block. Every node carries the offset of its first token. */
final class Syntax {
  private Syntax() {}

  /** A type as written: {@code int}, {@code JObject}, {@code List<string>}, {@code int?}, {@code string[]}. */
  record TypeRef(int pos, String name, List<TypeRef> args, boolean nullable, int rank) {
    TypeRef withNullable() {
      return new TypeRef(pos, name, args, true, rank);
    }

    TypeRef withRank(int r) {
      return new TypeRef(pos, name, args, nullable, r);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(name);
      if (!args.isEmpty()) {
        sb.append('<');
        for (int i = 0; i < args.size(); i++) {
          sb.append(i > 0 ? ", " : "").append(args.get(i));
        }
        sb.append('>');
      }
      if (nullable) {
        sb.append('?');
      }
      sb.append("[]".repeat(rank));
      return sb.toString();
    }
  }

  sealed interface Expr {
    int pos();
  }

  /** A literal; {@code kind} is the token kind (INT, STRING, ...) or KEYWORD for true/false/null. */
  record Literal(int pos, Token.Kind kind, Object value) implements Expr {}

  /** {@code $"..."}: String and {@link Hole} parts. */
  record Interpolated(int pos, List<Object> parts) implements Expr {}

  record Hole(Expr value, Expr alignment, String format) {}

  record Name(int pos, String id, List<TypeRef> typeArgs) implements Expr {}

  /** A predefined type used as an expression receiver: {@code int.Parse}, {@code string.Join}. */
  record TypeName(int pos, TypeRef type) implements Expr {}

  record Member(int pos, Expr target, String name, List<TypeRef> typeArgs) implements Expr {}

  /** {@code a?.rest}: {@code body} uses {@link Receiver} for the non-null value of {@code target}. */
  record ConditionalAccess(int pos, Expr target, Expr body) implements Expr {}

  /** The value tested by the nearest enclosing {@link ConditionalAccess}. */
  record Receiver(int pos) implements Expr {}

  record Arg(int pos, String name, String modifier, Expr value, TypeRef outType, String outName) {}

  record Invoke(int pos, Expr target, List<Arg> args) implements Expr {}

  record Index(int pos, Expr target, List<Arg> args) implements Expr {}

  record Unary(int pos, String op, Expr operand) implements Expr {}

  record Postfix(int pos, String op, Expr operand) implements Expr {}

  record Binary(int pos, String op, Expr left, Expr right) implements Expr {}

  record Conditional(int pos, Expr condition, Expr whenTrue, Expr whenFalse) implements Expr {}

  record Assign(int pos, String op, Expr target, Expr value) implements Expr {}

  record Cast(int pos, TypeRef type, Expr operand) implements Expr {}

  record As(int pos, Expr operand, TypeRef type) implements Expr {}

  /** {@code x is T}, {@code x is T name}, {@code x is null} (type null). */
  record Is(int pos, Expr operand, TypeRef type, String name) implements Expr {}

  /** {@code new T(args) { init }}; init items are Expr (collection), Assign with Index target, or Binary "{}" pairs. */
  record New(int pos, TypeRef type, List<Arg> args, List<Expr> init) implements Expr {}

  /** {@code { a, b }} inside a collection initializer (dictionary entry). */
  record InitGroup(int pos, List<Expr> items) implements Expr {}

  /** {@code new T[n]}, {@code new T[] {..}}, {@code new[] {..}} (elementType null), or a bare {@code {..}}. */
  record NewArray(int pos, TypeRef elementType, Expr size, List<Expr> items) implements Expr {}

  /** {@code x => e}, {@code (a, b) => e}: parameter names, types inferred from the call. */
  record Lambda(int pos, List<String> parameters, Expr body) implements Expr {}

  /** {@code new { a = 1, x.Y }}: members in declaration order (a bare member access or name gives its name). */
  record NewAnonymous(int pos, List<String> names, List<Expr> values) implements Expr {}

  record TypeOf(int pos, TypeRef type) implements Expr {}

  record Default(int pos, TypeRef type) implements Expr {}

  /** {@code unchecked(e)}: constant overflow in {@code e} wraps instead of failing compilation. */
  record Unchecked(int pos, Expr operand) implements Expr {}

  sealed interface Stmt {
    int pos();
  }

  record Block(int pos, List<Stmt> statements) implements Stmt {}

  record Declarator(int pos, String name, Expr init) {}

  /** {@code type == null} means {@code var}; {@code constant} for {@code const T x = ...}. */
  record LocalDecl(int pos, TypeRef type, List<Declarator> declarators, boolean constant) implements Stmt {}

  record Param(int pos, TypeRef type, String name) {}

  /** A local function {@code T name(T1 a, ...) { ... }} or {@code => expr;} (returnType name "void" for void). */
  record LocalFunction(int pos, TypeRef returnType, String name, List<Param> params, Block body) implements Stmt {}

  /** {@code unchecked { ... }}. */
  record UncheckedBlock(int pos, Block body) implements Stmt {}

  record ExprStmt(int pos, Expr expr) implements Stmt {}

  record If(int pos, Expr condition, Stmt then, Stmt otherwise) implements Stmt {}

  record Foreach(int pos, TypeRef type, String name, Expr collection, Stmt body) implements Stmt {}

  record For(int pos, List<Stmt> init, Expr condition, List<Expr> updates, Stmt body) implements Stmt {}

  record While(int pos, Expr condition, Stmt body) implements Stmt {}

  record DoWhile(int pos, Stmt body, Expr condition) implements Stmt {}

  record Break(int pos) implements Stmt {}

  record Continue(int pos) implements Stmt {}

  record Return(int pos, Expr value) implements Stmt {}

  record Throw(int pos, Expr value) implements Stmt {}

  record Catch(int pos, TypeRef type, String name, Expr filter, Block body) {}

  record Try(int pos, Block body, List<Catch> catches, Block fin) implements Stmt {}

  record SwitchSection(int pos, List<Expr> labels, boolean hasDefault, List<Stmt> body) {}

  record Switch(int pos, Expr value, List<SwitchSection> sections) implements Stmt {}

  record Using(int pos, Stmt resource, Stmt body) implements Stmt {}

  record Empty(int pos) implements Stmt {}
}

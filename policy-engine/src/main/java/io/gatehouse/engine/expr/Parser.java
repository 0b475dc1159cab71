package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.Syntax.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the C# subset (spec expressions.md section 4), including the C# disambiguation
 * rules for casts, generic arguments, {@code ?.} chains and lambdas. Stops at the first syntax error.
 */
final class Parser {
  static final Set<String> PREDEFINED = Set.of(
      "bool", "byte", "sbyte", "char", "decimal", "double", "float", "int", "uint", "long", "ulong", "object",
      "short", "ushort", "string", "void");
  private static final Set<String> GENERIC_FOLLOW = Set.of(
      "(", ")", "]", "}", ":", ";", ",", ".", "?", "==", "!=", "|", "^", "&&", "||", "&", "?.", "[");
  private static final Set<String> ASSIGN_OPS = Set.of(
      "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", "??=");
  private static final int MAX_DEPTH = 200;

  private final String src;
  private final List<Token> tokens;
  private int index;
  private int depth;

  private Parser(String src, int start, int end) {
    this.src = src;
    this.tokens = new Lexer(src, start, end).tokenize();
  }

  /** The parse of a whole {@code @(...)} or {@code @{...}}: exactly one of expression/block is set. */
  record Result(Expr expression, Block block) {}

  /** Parses {@code text}; returns null after reporting a diagnostic. */
  static Result parse(String text, Reporter reporter) {
    try {
      if (text.length() < 3 || text.charAt(0) != '@' || (text.charAt(1) != '(' && text.charAt(1) != '{')) {
        throw new CompileError(0, "an expression must start with @( or @{");
      }
      boolean block = text.charAt(1) == '{';
      char closer = block ? '}' : ')';
      int end = text.length() - 1;
      while (end > 1 && Character.isWhitespace(text.charAt(end))) {
        end--;
      }
      if (text.charAt(end) != closer) {
        throw new CompileError(0, "expression is not closed with %s", String.valueOf(closer));
      }
      Parser p = new Parser(text, 2, end);
      if (block) {
        List<Stmt> list = new ArrayList<>();
        while (!p.peek().is("") && p.peek().kind() != Token.Kind.EOF) {
          list.add(p.statement());
        }
        return new Result(null, new Block(2, List.copyOf(list)));
      }
      Expr e = p.expression();
      p.expectEnd();
      return new Result(e, null);
    } catch (CompileError e) {
      reporter.error(e.offset, e.template, e.quoted);
      return null;
    } catch (StackOverflowError e) {
      reporter.error(0, "expression is nested too deeply");
      return null;
    }
  }

  private static Expr parseRange(String src, int start, int end) {
    Parser p = new Parser(src, start, end);
    Expr e = p.expression();
    p.expectEnd();
    return e;
  }

  // ---- token helpers ----

  private Token peek() {
    return tokens.get(index);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  private Token advance() {
    Token t = tokens.get(index);
    if (t.kind() != Token.Kind.EOF) {
      index++;
    }
    return t;
  }

  private boolean accept(String p) {
    if (peek().is(p)) {
      index++;
      return true;
    }
    return false;
  }

  private Token expect(String p) {
    if (!peek().is(p)) {
      throw unexpected("%s expected", p);
    }
    return advance();
  }

  private CompileError unexpected(String template, String expected) {
    Token t = peek();
    if (t.kind() == Token.Kind.EOF) {
      return new CompileError(t.start(), template.replace("%s", "'" + expected + "'") + " at end of expression");
    }
    return new CompileError(t.start(), template.replace("%s", "'" + expected + "'") + " before %s", t.text());
  }

  private void expectEnd() {
    if (peek().kind() != Token.Kind.EOF) {
      throw new CompileError(peek().start(), "unexpected %s", peek().text());
    }
  }

  private String identifier() {
    Token t = peek();
    if (!t.isIdent()) {
      throw unexpected("identifier expected", "");
    }
    return advance().text();
  }

  private boolean adjacent(Token a, Token b) {
    return a.end() == b.start();
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw new CompileError(peek().start(), "expression is nested too deeply");
    }
  }

  // ---- types ----

  /** Tries to parse a type at the current token; restores the position and returns null if there is none. */
  private TypeRef tryType(boolean nullableBeforeIdent) {
    int save = index;
    try {
      TypeRef t = typeOrNull(nullableBeforeIdent);
      if (t == null) {
        index = save;
      }
      return t;
    } catch (CompileError e) {
      index = save;
      return null;
    }
  }

  private TypeRef typeOrNull(boolean nullableBeforeIdent) {
    Token t = peek();
    int pos = t.start();
    String name;
    List<TypeRef> args = List.of();
    if (t.kind() == Token.Kind.KEYWORD && PREDEFINED.contains(t.text())) {
      name = advance().text();
    } else if (t.isIdent()) {
      StringBuilder sb = new StringBuilder(advance().text());
      while (true) {
        if (peek().is("<")) {
          List<TypeRef> a = typeArgs();
          if (a == null) {
            return null;
          }
          args = a;
          if (peek().is(".") && peek(1).isIdent()) {
            return null;
          }
          break;
        }
        if (peek().is(".") && peek(1).isIdent()) {
          advance();
          sb.append('.').append(advance().text());
        } else if (peek().is("::") && peek(1).isIdent()) {
          advance();
          sb.append('.').append(advance().text());
        } else {
          break;
        }
      }
      name = sb.toString();
    } else {
      return null;
    }
    TypeRef type = new TypeRef(pos, name, args, false, 0);
    if (peek().is("?")) {
      Token n = peek(1);
      boolean ok = n.is(")") || n.is(">") || n.is(",") || n.is("[") || n.is("]") || n.is(";") || n.is("=")
          || (nullableBeforeIdent && n.isIdent());
      if (ok) {
        advance();
        type = type.withNullable();
      }
    }
    int rank = 0;
    while (peek().is("[") && peek(1).is("]")) {
      advance();
      advance();
      rank++;
    }
    return rank > 0 ? type.withRank(rank) : type;
  }

  /** Parses {@code <T, U>}; null when the tokens are not type arguments. */
  private List<TypeRef> typeArgs() {
    if (!peek().is("<")) {
      return null;
    }
    advance();
    List<TypeRef> args = new ArrayList<>();
    do {
      TypeRef t = typeOrNull(false);
      if (t == null) {
        return null;
      }
      args.add(t);
    } while (accept(","));
    if (!accept(">")) {
      return null;
    }
    return List.copyOf(args);
  }

  private TypeRef type() {
    TypeRef t = tryType(true);
    if (t == null) {
      throw unexpected("type expected", "");
    }
    return t;
  }

  // ---- statements ----

  private Block block() {
    int pos = expect("{").start();
    List<Stmt> list = new ArrayList<>();
    while (!peek().is("}")) {
      if (peek().kind() == Token.Kind.EOF) {
        throw new CompileError(pos, "'}' expected: block is not closed");
      }
      list.add(statement());
    }
    advance();
    return new Block(pos, List.copyOf(list));
  }

  private Stmt statement() {
    enter();
    try {
      return statementInner();
    } finally {
      depth--;
    }
  }

  private Stmt statementInner() {
    Token t = peek();
    int pos = t.start();
    if (t.is("{")) {
      return block();
    }
    if (t.is(";")) {
      advance();
      return new Empty(pos);
    }
    if (t.kind() == Token.Kind.KEYWORD) {
      switch (t.text()) {
        case "if" -> {
          advance();
          expect("(");
          Expr c = expression();
          expect(")");
          Stmt then = embedded();
          Stmt otherwise = accept("else") ? embedded() : null;
          return new If(pos, c, then, otherwise);
        }
        case "foreach" -> {
          advance();
          expect("(");
          TypeRef type = null;
          if (peek().isIdent() && peek().text().equals("var") && peek(1).isIdent()) {
            advance();
          } else {
            type = type();
          }
          String name = identifier();
          expect("in");
          Expr coll = expression();
          expect(")");
          return new Foreach(pos, type, name, coll, embedded());
        }
        case "for" -> {
          advance();
          expect("(");
          List<Stmt> init = new ArrayList<>();
          if (!peek().is(";")) {
            Stmt d = tryLocalDecl();
            if (d != null) {
              init.add(d);
            } else {
              do {
                Expr e = expression();
                init.add(new ExprStmt(e.pos(), checkStatementExpr(e)));
              } while (accept(","));
            }
          }
          expect(";");
          Expr cond = peek().is(";") ? null : expression();
          expect(";");
          List<Expr> updates = new ArrayList<>();
          if (!peek().is(")")) {
            do {
              updates.add(checkStatementExpr(expression()));
            } while (accept(","));
          }
          expect(")");
          return new For(pos, List.copyOf(init), cond, List.copyOf(updates), embedded());
        }
        case "while" -> {
          advance();
          expect("(");
          Expr c = expression();
          expect(")");
          return new While(pos, c, embedded());
        }
        case "do" -> {
          advance();
          Stmt body = embedded();
          expect("while");
          expect("(");
          Expr c = expression();
          expect(")");
          expect(";");
          return new DoWhile(pos, body, c);
        }
        case "break" -> {
          advance();
          expect(";");
          return new Break(pos);
        }
        case "continue" -> {
          advance();
          expect(";");
          return new Continue(pos);
        }
        case "return" -> {
          advance();
          Expr v = peek().is(";") ? null : expression();
          expect(";");
          return new Return(pos, v);
        }
        case "throw" -> {
          advance();
          Expr v = peek().is(";") ? null : expression();
          expect(";");
          return new Throw(pos, v);
        }
        case "try" -> {
          advance();
          Block body = block();
          List<Catch> catches = new ArrayList<>();
          while (peek().is("catch")) {
            int cpos = advance().start();
            TypeRef type = null;
            String name = null;
            if (accept("(")) {
              type = type();
              if (peek().isIdent()) {
                name = advance().text();
              }
              expect(")");
            }
            Expr filter = null;
            if (peek().isIdent() && peek().text().equals("when")) {
              advance();
              expect("(");
              filter = expression();
              expect(")");
            }
            catches.add(new Catch(cpos, type, name, filter, block()));
          }
          Block fin = accept("finally") ? block() : null;
          if (catches.isEmpty() && fin == null) {
            throw unexpected("%s expected", "catch or finally");
          }
          return new Try(pos, body, List.copyOf(catches), fin);
        }
        case "switch" -> {
          return switchStatement();
        }
        case "using" -> {
          advance();
          expect("(");
          Stmt res = tryLocalDecl();
          if (res == null) {
            Expr e = expression();
            res = new ExprStmt(e.pos(), e);
          }
          expect(")");
          return new Using(pos, res, embedded());
        }
        case "unchecked" -> {
          if (peek(1).is("{")) {
            advance();
            return new UncheckedBlock(pos, block());
          }
        }
        case "const" -> {
          advance();
          Stmt d = tryLocalDecl();
          if (!(d instanceof LocalDecl ld) || ld.type() == null) {
            throw new CompileError(pos, "a const declaration needs an explicit type, a name and a value");
          }
          for (Declarator x : ld.declarators()) {
            if (x.init() == null) {
              throw new CompileError(x.pos(), "a const field requires a value to be provided");
            }
          }
          expect(";");
          return new LocalDecl(pos, ld.type(), ld.declarators(), true);
        }
        case "else", "case", "catch", "finally" -> throw new CompileError(pos, "unexpected %s", t.text());
        default -> { }
      }
    }
    Stmt fn = tryLocalFunction();
    if (fn != null) {
      return fn;
    }
    Stmt decl = tryLocalDecl();
    if (decl != null) {
      expect(";");
      return decl;
    }
    Expr e = expression();
    checkStatementExpr(e);
    expect(";");
    return new ExprStmt(pos, e);
  }

  private Stmt embedded() {
    Stmt s = statement();
    if (s instanceof LocalDecl) {
      throw new CompileError(s.pos(), "embedded statement cannot be a declaration");
    }
    return s;
  }

  private Stmt switchStatement() {
    int pos = advance().start();
    expect("(");
    Expr value = expression();
    expect(")");
    expect("{");
    List<SwitchSection> sections = new ArrayList<>();
    while (!accept("}")) {
      int spos = peek().start();
      List<Expr> labels = new ArrayList<>();
      boolean hasDefault = false;
      while (peek().is("case") || peek().is("default")) {
        if (accept("default")) {
          hasDefault = true;
        } else {
          advance();
          labels.add(expression());
        }
        expect(":");
      }
      if (labels.isEmpty() && !hasDefault) {
        throw unexpected("%s expected", "case");
      }
      List<Stmt> body = new ArrayList<>();
      while (!peek().is("case") && !peek().is("default") && !peek().is("}")) {
        if (peek().kind() == Token.Kind.EOF) {
          throw new CompileError(pos, "'}' expected: switch is not closed");
        }
        body.add(statement());
      }
      sections.add(new SwitchSection(spos, List.copyOf(labels), hasDefault, List.copyOf(body)));
    }
    return new Switch(pos, value, List.copyOf(sections));
  }

  private Expr checkStatementExpr(Expr e) {
    boolean ok = e instanceof Invoke || e instanceof Assign || e instanceof New
        || (e instanceof Unary u && (u.op().equals("++") || u.op().equals("--"))) || e instanceof Postfix
        || (e instanceof ConditionalAccess c && c.body() instanceof Invoke);
    if (!ok) {
      throw new CompileError(e.pos(),
          "only assignment, call, increment, decrement and new object expressions can be used as a statement");
    }
    return e;
  }

  /** A local function declaration, or null (position restored) when there is none. */
  private Stmt tryLocalFunction() {
    int save = index;
    int pos = peek().start();
    TypeRef ret;
    if (peek().is("void")) {
      advance();
      ret = new TypeRef(pos, "void", List.of(), false, 0);
    } else {
      ret = tryType(true);
    }
    if (ret == null || !peek().isIdent() || !peek(1).is("(")) {
      index = save;
      return null;
    }
    String name = identifier();
    expect("(");
    List<Param> params = new ArrayList<>();
    if (!accept(")")) {
      do {
        int ppos = peek().start();
        TypeRef pt = type();
        params.add(new Param(ppos, pt, identifier()));
      } while (accept(","));
      expect(")");
    }
    Block body;
    if (peek().is("=>")) {
      int bpos = advance().start();
      Expr e = expression();
      expect(";");
      body = new Block(bpos, List.of(ret.name().equals("void") ? new ExprStmt(bpos, checkStatementExpr(e))
          : new Return(bpos, e)));
    } else {
      body = block();
    }
    return new LocalFunction(pos, ret, name, List.copyOf(params), body);
  }

  /** A local declaration without the trailing ';', or null (position restored) when there is none. */
  private Stmt tryLocalDecl() {
    int save = index;
    int pos = peek().start();
    TypeRef type;
    if (peek().isIdent() && peek().text().equals("var") && peek(1).isIdent()) {
      advance();
      type = null;
    } else {
      type = tryType(true);
      if (type == null || !peek().isIdent()
          || !(peek(1).is("=") || peek(1).is(";") || peek(1).is(",") || peek(1).is(")"))) {
        index = save;
        return null;
      }
    }
    List<Declarator> ds = new ArrayList<>();
    do {
      int dpos = peek().start();
      String name = identifier();
      Expr init = null;
      if (accept("=")) {
        init = peek().is("{") ? arrayInitializer() : expression();
      }
      ds.add(new Declarator(dpos, name, init));
    } while (accept(","));
    return new LocalDecl(pos, type, List.copyOf(ds), false);
  }

  /**
   * The number of parameters when the next tokens are {@code ( [id {, id}] ) =>}, else -1; consumes nothing.
   */
  private int parenthesizedLambdaParameters() {
    if (!peek().is("(")) {
      return -1;
    }
    int k = 1;
    int count = 0;
    if (!peek(k).is(")")) {
      while (true) {
        if (!peek(k).isIdent()) {
          return -1;
        }
        count++;
        k++;
        if (peek(k).is(")")) {
          break;
        }
        if (!peek(k).is(",")) {
          return -1;
        }
        k++;
      }
    }
    return peek(k + 1).is("=>") ? count : -1;
  }

  private Expr arrayInitializer() {
    int pos = expect("{").start();
    List<Expr> items = new ArrayList<>();
    while (!peek().is("}")) {
      items.add(peek().is("{") ? arrayInitializer() : expression());
      if (!accept(",")) {
        break;
      }
    }
    expect("}");
    return new NewArray(pos, null, null, List.copyOf(items));
  }

  // ---- expressions ----

  Expr expression() {
    enter();
    try {
      if (peek().isIdent() && peek(1).is("=>")) {
        int pos = peek().start();
        String p = advance().text();
        advance();
        return new Lambda(pos, List.of(p), expression());
      }
      int params = parenthesizedLambdaParameters();
      if (params >= 0) {
        int pos = advance().start();
        List<String> names = new ArrayList<>();
        while (!peek().is(")")) {
          names.add(advance().text());
          accept(",");
        }
        advance();
        advance();
        return new Lambda(pos, List.copyOf(names), expression());
      }
      Expr left = conditional();
      Token t = peek();
      if (t.kind() == Token.Kind.PUNCT) {
        String op = t.text();
        if (op.equals(">") && peek(1).is(">=") && adjacent(t, peek(1))) {
          advance();
          op = ">>=";
        } else if (!ASSIGN_OPS.contains(op)) {
          return left;
        }
        advance();
        if (!(left instanceof Name || left instanceof Member || left instanceof Index)) {
          throw new CompileError(left.pos(), "the left-hand side of an assignment must be a variable, property or indexer");
        }
        return new Assign(t.start(), op, left, expression());
      }
      return left;
    } finally {
      depth--;
    }
  }

  private Expr conditional() {
    Expr c = nullCoalesce();
    if (peek().is("?")) {
      int pos = advance().start();
      Expr a = expression();
      expect(":");
      Expr b = expression();
      return new Conditional(pos, c, a, b);
    }
    return c;
  }

  private Expr nullCoalesce() {
    Expr left = binary(0);
    if (peek().is("??")) {
      int pos = advance().start();
      return new Binary(pos, "??", left, nullCoalesce());
    }
    return left;
  }

  private static final String[][] LEVELS = {
      {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<", ">", "<=", ">=", "is", "as"}, {"<<", ">>"},
      {"+", "-"}, {"*", "/", "%"}};

  private Expr binary(int level) {
    if (level == LEVELS.length) {
      return unary();
    }
    Expr left = binary(level + 1);
    while (true) {
      Token t = peek();
      String op = matchOp(level, t);
      if (op == null) {
        return left;
      }
      advance();
      if (op.equals(">>")) {
        advance();
      }
      if (op.equals("is")) {
        if (accept("null")) {
          left = new Is(t.start(), left, null, null);
        } else {
          TypeRef type = tryType(false);
          if (type == null) {
            throw unexpected("type expected", "");
          }
          String name = peek().isIdent() && !peek().text().equals("when") ? advance().text() : null;
          left = new Is(t.start(), left, type, name);
        }
      } else if (op.equals("as")) {
        TypeRef type = tryType(false);
        if (type == null) {
          throw unexpected("type expected", "");
        }
        left = new As(t.start(), left, type);
      } else {
        left = new Binary(t.start(), op, left, binary(level + 1));
      }
    }
  }

  private String matchOp(int level, Token t) {
    if (t.kind() != Token.Kind.PUNCT && t.kind() != Token.Kind.KEYWORD) {
      return null;
    }
    String text = t.text();
    if (level == 7 && text.equals(">") && peek(1).is(">") && adjacent(t, peek(1))
        && !(peek(2).is("=") && adjacent(peek(1), peek(2)))) {
      return ">>";
    }
    if (level == 6 && text.equals(">") && peek(1).is(">") && adjacent(t, peek(1))) {
      return null;
    }
    if (level == 6 && text.equals(">") && peek(1).is(">=") && adjacent(t, peek(1))) {
      return null;
    }
    for (String op : LEVELS[level]) {
      if (op.equals(text)) {
        return text.equals(">>") ? null : text;
      }
    }
    return null;
  }

  private Expr unary() {
    enter();
    try {
      Token t = peek();
      int pos = t.start();
      if (t.kind() == Token.Kind.PUNCT) {
        switch (t.text()) {
          case "+", "-", "!", "~", "++", "--" -> {
            advance();
            return new Unary(pos, t.text(), unary());
          }
          case "(" -> {
            Expr cast = tryCast();
            if (cast != null) {
              return cast;
            }
          }
          default -> { }
        }
      }
      return postfix(primary());
    } finally {
      depth--;
    }
  }

  private Expr tryCast() {
    int save = index;
    int pos = advance().start();
    TypeRef type = tryType(false);
    if (type != null && accept(")")) {
      boolean predefined = type.args().isEmpty() && PREDEFINED.contains(type.name());
      Token n = peek();
      boolean follows = n.isIdent() || isLiteral(n) || n.is("(") || n.is("!") || n.is("~")
          || (n.kind() == Token.Kind.KEYWORD && (n.is("new") || n.is("this") || n.is("typeof")
              || n.is("default") || PREDEFINED.contains(n.text())));
      boolean signed = n.is("+") || n.is("-") || n.is("++") || n.is("--");
      if (follows || (predefined && (signed || type.rank() == 0))) {
        if (n.kind() != Token.Kind.EOF && !n.is(")") && !n.is(";") && !n.is(",")) {
          return new Cast(pos, type, unary());
        }
      }
    }
    index = save;
    return null;
  }

  private static boolean isLiteral(Token t) {
    return switch (t.kind()) {
      case INT, UINT, LONG, ULONG, DOUBLE, FLOAT, DECIMAL, CHAR, STRING, INTERPOLATED -> true;
      case KEYWORD -> t.is("true") || t.is("false") || t.is("null");
      default -> false;
    };
  }

  private Expr primary() {
    Token t = peek();
    int pos = t.start();
    switch (t.kind()) {
      case INT, UINT, LONG, ULONG, DOUBLE, FLOAT, DECIMAL, CHAR, STRING -> {
        advance();
        return new Literal(pos, t.kind(), t.value());
      }
      case INTERPOLATED -> {
        advance();
        return interpolated(t);
      }
      case IDENT -> {
        advance();
        if (peek().is("=>")) {
          advance();
          return new Lambda(pos, List.of(t.text()), expression());
        }
        return new Name(pos, t.text(), genericArgsIfAny());
      }
      case KEYWORD -> {
        switch (t.text()) {
          case "true", "false" -> {
            advance();
            return new Literal(pos, Token.Kind.KEYWORD, t.text().equals("true"));
          }
          case "null" -> {
            advance();
            return new Literal(pos, Token.Kind.KEYWORD, null);
          }
          case "new" -> {
            return creation();
          }
          case "typeof" -> {
            advance();
            expect("(");
            TypeRef type = type();
            expect(")");
            return new TypeOf(pos, type);
          }
          case "default" -> {
            advance();
            expect("(");
            TypeRef type = type();
            expect(")");
            return new Default(pos, type);
          }
          case "unchecked" -> {
            advance();
            expect("(");
            Expr e = expression();
            expect(")");
            return new Unchecked(pos, e);
          }
          default -> {
            if (PREDEFINED.contains(t.text())) {
              advance();
              if (!peek().is(".")) {
                throw new CompileError(pos, "%s is a type, not a value", t.text());
              }
              return new TypeName(pos, new TypeRef(pos, t.text(), List.of(), false, 0));
            }
          }
        }
      }
      case PUNCT -> {
        if (t.is("(")) {
          advance();
          Expr e = expression();
          expect(")");
          return e;
        }
      }
      default -> { }
    }
    if (t.kind() == Token.Kind.EOF) {
      throw new CompileError(t.start(), "expression expected at end of expression");
    }
    throw new CompileError(t.start(), "unexpected %s", t.text());
  }

  /** Type arguments after an identifier, when C#'s disambiguation rule says they are (section 4.1). */
  private List<TypeRef> genericArgsIfAny() {
    if (!peek().is("<")) {
      return List.of();
    }
    int save = index;
    try {
      List<TypeRef> args = typeArgs();
      if (args != null) {
        Token n = peek();
        if (n.kind() == Token.Kind.EOF || (n.kind() == Token.Kind.PUNCT && GENERIC_FOLLOW.contains(n.text()))) {
          return args;
        }
      }
    } catch (CompileError e) {
      // not type arguments
    }
    index = save;
    return List.of();
  }

  private Expr interpolated(Token t) {
    List<Object> parts = new ArrayList<>();
    for (Object part : (List<?>) t.value()) {
      if (part instanceof Lexer.Hole h) {
        Expr value = parseRange(src, h.start(), h.end());
        Expr align = h.alignStart() < 0 ? null : parseRange(src, h.alignStart(), h.alignEnd());
        parts.add(new Hole(value, align, h.format()));
      } else {
        parts.add(part);
      }
    }
    return new Interpolated(t.start(), List.copyOf(parts));
  }

  private Expr creation() {
    int pos = advance().start();
    if (peek().is("[")) {
      advance();
      expect("]");
      Expr init = arrayInitializer();
      return new NewArray(pos, null, null, ((NewArray) init).items());
    }
    if (peek().is("{")) {
      return anonymousObject(pos);
    }
    TypeRef base = tryTypeNoRank();
    if (base == null) {
      throw unexpected("type expected", "");
    }
    if (base.rank() > 0 && peek().is("{")) {
      // `new T[] { ... }`: the type parser consumed the empty rank specifier
      return new NewArray(pos, base.withRank(base.rank() - 1), null, ((NewArray) arrayInitializer()).items());
    }
    if (peek().is("[")) {
      advance();
      Expr size = null;
      if (!peek().is("]")) {
        size = expression();
      }
      expect("]");
      int rank = 0;
      while (peek().is("[") && peek(1).is("]")) {
        advance();
        advance();
        rank++;
      }
      TypeRef elem = rank > 0 ? base.withRank(rank) : base;
      List<Expr> items = null;
      if (peek().is("{")) {
        items = ((NewArray) arrayInitializer()).items();
      } else if (size == null) {
        throw unexpected("%s expected", "{");
      }
      return new NewArray(pos, elem, size, items);
    }
    List<Arg> args = List.of();
    boolean hasArgs = false;
    if (peek().is("(")) {
      advance();
      args = arguments(")");
      hasArgs = true;
    }
    List<Expr> init = null;
    if (peek().is("{")) {
      init = objectInitializer();
    } else if (!hasArgs) {
      throw unexpected("%s expected", "(");
    }
    return new New(pos, base, args, init);
  }

  /** {@code { name = value, member.Access, name, ... }} after {@code new}. */
  private Expr anonymousObject(int pos) {
    expect("{");
    List<String> names = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    while (!peek().is("}")) {
      Token t = peek();
      Expr value;
      String name;
      if (t.isIdent() && peek(1).is("=")) {
        name = advance().text();
        advance();
        value = expression();
      } else {
        value = expression();
        if (value instanceof Member m) {
          name = m.name();
        } else if (value instanceof Name n) {
          name = n.id();
        } else {
          throw new CompileError(t.start(), "invalid anonymous type member declarator: give the member a name");
        }
      }
      if (names.contains(name)) {
        throw new CompileError(t.start(), "an anonymous type cannot have multiple properties with the same name");
      }
      names.add(name);
      values.add(value);
      if (!accept(",")) {
        break;
      }
    }
    expect("}");
    return new NewAnonymous(pos, List.copyOf(names), List.copyOf(values));
  }

  private TypeRef tryTypeNoRank() {
    TypeRef t = tryType(false);
    if (t == null) {
      return null;
    }
    return t;
  }

  private List<Expr> objectInitializer() {
    expect("{");
    List<Expr> items = new ArrayList<>();
    while (!peek().is("}")) {
      int pos = peek().start();
      if (peek().is("{")) {
        advance();
        List<Expr> group = new ArrayList<>();
        do {
          group.add(expression());
        } while (accept(","));
        expect("}");
        items.add(new InitGroup(pos, List.copyOf(group)));
      } else if (peek().is("[")) {
        advance();
        List<Arg> key = arguments("]");
        Token eq = expect("=");
        Expr value = expression();
        items.add(new Assign(eq.start(), "=", new Index(pos, new Receiver(pos), key), value));
      } else if (peek().isIdent() && peek(1).is("=")) {
        String name = advance().text();
        Token eq = advance();
        Expr value = expression();
        items.add(new Assign(eq.start(), "=", new Member(pos, new Receiver(pos), name, List.of()), value));
      } else {
        items.add(expression());
      }
      if (!accept(",")) {
        break;
      }
    }
    expect("}");
    return List.copyOf(items);
  }

  private List<Arg> arguments(String closer) {
    List<Arg> args = new ArrayList<>();
    if (accept(closer)) {
      return List.of();
    }
    do {
      int pos = peek().start();
      String name = null;
      if (peek().isIdent() && peek(1).is(":") && !peek(2).is(":")) {
        name = advance().text();
        advance();
      }
      String modifier = null;
      if (peek().is("out") || peek().is("ref") || peek().is("in")) {
        modifier = advance().text();
        if (modifier.equals("out")) {
          if (peek().isIdent() && peek().text().equals("var") && peek(1).isIdent()) {
            advance();
            int p = peek().start();
            args.add(new Arg(p, name, modifier, null, null, advance().text()));
            continue;
          }
          int save = index;
          TypeRef t = tryType(true);
          if (t != null && peek().isIdent() && (peek(1).is(",") || peek(1).is(closer))) {
            args.add(new Arg(pos, name, modifier, null, t, advance().text()));
            continue;
          }
          index = save;
        }
      }
      args.add(new Arg(pos, name, modifier, expression(), null, null));
    } while (accept(","));
    expect(closer);
    return List.copyOf(args);
  }

  private Expr postfix(Expr e) {
    while (true) {
      Token t = peek();
      int pos = t.start();
      if (t.is(".")) {
        advance();
        String name = identifier();
        e = new Member(pos, e, name, genericArgsIfAny());
      } else if (t.is("(")) {
        advance();
        e = new Invoke(pos, e, arguments(")"));
      } else if (t.is("[")) {
        advance();
        e = new Index(pos, e, arguments("]"));
      } else if (t.is("++") || t.is("--")) {
        advance();
        e = new Postfix(pos, t.text(), e);
      } else if (t.is("?.") || (t.is("?") && peek(1).is("["))) {
        advance();
        Expr body;
        Receiver r = new Receiver(pos);
        if (t.is("?.")) {
          String name = identifier();
          body = new Member(pos, r, name, genericArgsIfAny());
        } else {
          advance();
          body = new Index(pos, r, arguments("]"));
        }
        return new ConditionalAccess(pos, e, postfix(body));
      } else {
        return e;
      }
    }
  }
}

package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.Syntax.*;
import io.gatehouse.engine.expr.runtime.CsException;
import java.util.ArrayList;
import java.util.List;

/** Compilation of the loop, exception and switch statements. */
final class Statements {
  private Statements() {}

  /** Whether {@code name} names a .NET exception type (the runtime treats unknown ones as direct subclasses). */
  static boolean isException(String name) {
    return name.endsWith("Exception");
  }

  static Exec throwStmt(Binder b, Throw t) {
    if (t.value() == null) {
      return f -> {
        throw new CsException("InvalidOperationException", "rethrow outside catch");
      };
    }
    Bound v = b.value(t.value());
    if (!v.type.name.endsWith("Exception")) {
      throw new CompileError(t.pos(), "the type thrown must be an exception, not %s", v.type.name);
    }
    Eval e = v.eval;
    return f -> {
      Object ex = e.eval(f);
      if (ex == null) {
        throw CsException.nullReference();
      }
      throw (CsException) ex;
    };
  }

  static Exec foreach(Binder b, Foreach fe) {
    Bound coll = b.value(fe.collection());
    CsType elem = coll.type.elementType();
    if (elem == null) {
      throw new CompileError(fe.collection().pos(), "foreach statement cannot operate on variables of type %s",
          coll.type.name);
    }
    b.push();
    try {
      CsType varType = fe.type() == null ? elem : b.resolveType(fe.type());
      Binder.Local l = b.declare(fe.pos(), fe.name(), varType, true);
      int itemSlot = l.slot();
      Eval conv = fe.type() == null ? null
          : Conversions.explicit(Bound.of(fe.pos(), elem, g -> g.locals[itemSlot]), varType, fe.pos());
      Exec body = b.loopBody(fe.body());
      Eval ce = coll.eval;
      int slot = l.slot();
      return f -> {
        Object c = ce.eval(f);
        if (c == null) {
          throw CsException.nullReference();
        }
        for (Object item : Sequences.iterate(c)) {
          f.step();
          if (conv != null) {
            f.locals[slot] = item;
            f.locals[slot] = conv.eval(f);
          } else {
            f.locals[slot] = item;
          }
          int r = body.run(f);
          if (r == Exec.BREAK) {
            break;
          }
          if (r == Exec.RETURN) {
            return r;
          }
        }
        return Exec.NORMAL;
      };
    } finally {
      b.pop();
    }
  }

  static Exec forStmt(Binder b, For fo) {
    b.push();
    try {
      List<Exec> init = new ArrayList<>();
      for (Stmt s : fo.init()) {
        init.add(b.scopedNoPush(s));
      }
      Eval cond = fo.condition() == null ? f -> true : b.condition(fo.condition());
      List<Eval> updates = new ArrayList<>();
      for (Expr u : fo.updates()) {
        updates.add(b.value(u).eval);
      }
      Exec body = b.loopBody(fo.body());
      Exec[] inits = init.toArray(Exec[]::new);
      Eval[] ups = updates.toArray(Eval[]::new);
      return f -> {
        for (Exec i : inits) {
          i.run(f);
        }
        while (Boolean.TRUE.equals(cond.eval(f))) {
          f.step();
          int r = body.run(f);
          if (r == Exec.BREAK) {
            break;
          }
          if (r == Exec.RETURN) {
            return r;
          }
          for (Eval u : ups) {
            u.eval(f);
          }
        }
        return Exec.NORMAL;
      };
    } finally {
      b.pop();
    }
  }

  private record Handler(String type, int slot, Eval filter, Exec body) {}

  static Exec tryStmt(Binder b, Try t) {
    Exec body = b.scoped(t.body());
    List<Handler> handlers = new ArrayList<>();
    for (Catch c : t.catches()) {
      b.push();
      try {
        String type = "Exception";
        int slot = -1;
        if (c.type() != null) {
          type = c.type().name().substring(c.type().name().lastIndexOf('.') + 1);
          if (!isException(type)) {
            throw new CompileError(c.type().pos(), "unknown exception type %s", c.type().name());
          }
          if (c.name() != null) {
            slot = b.declare(c.pos(), c.name(), CsType.cls(type), false).slot();
          }
        }
        Eval filter = c.filter() == null ? null : b.condition(c.filter());
        handlers.add(new Handler(type, slot, filter, b.scoped(c.body())));
      } finally {
        b.pop();
      }
    }
    Exec fin = t.fin() == null ? null : b.scoped(t.fin());
    Handler[] hs = handlers.toArray(Handler[]::new);
    return f -> {
      try {
        return body.run(f);
      } catch (CsException ex) {
        for (Handler h : hs) {
          if (ex.isA(h.type())) {
            if (h.slot() >= 0) {
              f.locals[h.slot()] = ex;
            }
            if (h.filter() != null && !Boolean.TRUE.equals(h.filter().eval(f))) {
              continue;
            }
            return h.body().run(f);
          }
        }
        throw ex;
      } finally {
        if (fin != null) {
          fin.run(f);
        }
      }
    };
  }

  static Exec switchStmt(Binder b, Switch sw) {
    Bound v = b.value(sw.value());
    Eval ve = v.eval;
    List<Eval[]> labels = new ArrayList<>();
    List<Exec> bodies = new ArrayList<>();
    int defaultIndex = -1;
    b.enterSwitch();
    try {
      for (SwitchSection sec : sw.sections()) {
        List<Eval> ls = new ArrayList<>();
        for (Expr l : sec.labels()) {
          Bound lb = b.value(l);
          if (!lb.constant) {
            throw new CompileError(l.pos(), "a constant value is expected");
          }
          ls.add(Conversions.implicit(lb, v.type, l.pos()));
        }
        if (sec.hasDefault()) {
          defaultIndex = labels.size();
        }
        labels.add(ls.toArray(Eval[]::new));
        bodies.add(b.scoped(new Block(sec.pos(), sec.body())));
      }
    } finally {
      b.exitSwitch();
    }
    Eval[][] ls = labels.toArray(Eval[][]::new);
    Exec[] bs = bodies.toArray(Exec[]::new);
    int def = defaultIndex;
    return f -> {
      Object x = ve.eval(f);
      int chosen = def;
      outer:
      for (int i = 0; i < ls.length; i++) {
        for (Eval l : ls[i]) {
          Object c = l.eval(f);
          if (x == null ? c == null : x.equals(c)) {
            chosen = i;
            break outer;
          }
        }
      }
      if (chosen < 0) {
        return Exec.NORMAL;
      }
      int r = bs[chosen].run(f);
      return r == Exec.BREAK ? Exec.NORMAL : r;
    };
  }
}

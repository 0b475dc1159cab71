package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.runtime.BasicAuthCredentials;
import io.gatehouse.engine.expr.runtime.CsBitConverter;
import io.gatehouse.engine.expr.runtime.CsConvert;
import io.gatehouse.engine.expr.runtime.CsDateTime;
import io.gatehouse.engine.expr.runtime.CsDateTimeKind;
import io.gatehouse.engine.expr.runtime.CsDateTimeOffset;
import io.gatehouse.engine.expr.runtime.CsEncoding;
import io.gatehouse.engine.expr.runtime.CsException;
import io.gatehouse.engine.expr.runtime.CsGroup;
import io.gatehouse.engine.expr.runtime.CsGroupCollection;
import io.gatehouse.engine.expr.runtime.CsGuid;
import io.gatehouse.engine.expr.runtime.CsHashAlgorithm;
import io.gatehouse.engine.expr.runtime.CsMatch;
import io.gatehouse.engine.expr.runtime.CsMath;
import io.gatehouse.engine.expr.runtime.CsParse;
import io.gatehouse.engine.expr.runtime.CsRandom;
import io.gatehouse.engine.expr.runtime.CsRegex;
import io.gatehouse.engine.expr.runtime.CsRegexOptions;
import io.gatehouse.engine.expr.runtime.CsStringBuilder;
import io.gatehouse.engine.expr.runtime.CsTimeSpan;
import io.gatehouse.engine.expr.runtime.CsUri;
import io.gatehouse.engine.expr.runtime.CsWebUtility;
import io.gatehouse.engine.expr.runtime.Jwt;
import io.gatehouse.engine.expr.xml.XDocument;
import io.gatehouse.engine.expr.xml.XElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Tier 2/3 utility types of spec section 8 bound onto the runtime library: Base64 and {@code Encoding},
 * {@code Regex}/{@code Match}/{@code Group}, {@code Math}, {@code Guid}, {@code TimeSpan}, {@code DateTimeOffset},
 * {@code StringBuilder}, {@code Random}, hashing, {@code BitConverter}, {@code WebUtility.Html*}, the
 * {@code TryParse}/{@code TryParseJwt}/{@code AsBasic} family with {@code out} arguments.
 */
final class UtilityTypes {
  private UtilityTypes() {}

  private static final Map<String, Integer> REGEX_OPTIONS = Map.of("None", CsRegexOptions.NONE,
      "IgnoreCase", CsRegexOptions.IGNORE_CASE, "Multiline", CsRegexOptions.MULTILINE,
      "ExplicitCapture", CsRegexOptions.EXPLICIT_CAPTURE, "Compiled", CsRegexOptions.COMPILED,
      "Singleline", CsRegexOptions.SINGLELINE, "IgnorePatternWhitespace", CsRegexOptions.IGNORE_PATTERN_WHITESPACE,
      "CultureInvariant", CsRegexOptions.CULTURE_INVARIANT, "ECMAScript", CsRegexOptions.ECMA_SCRIPT);

  private static final java.util.Set<String> HMACS = java.util.Set.of("HMACSHA1", "HMACSHA256", "HMACSHA384",
      "HMACSHA512", "HMACMD5");
  private static final java.util.Set<String> HASHES = java.util.Set.of("SHA1", "SHA256", "SHA384", "SHA512", "MD5");

  // ---- static properties ----

  static Bound staticProperty(CsType t, String name, int pos) {
    switch (t.name + "." + name) {
      case "DateTimeKind.Utc", "DateTimeKind.Local", "DateTimeKind.Unspecified" -> {
        return Bound.constant(pos, Library.DATETIME_KIND, CsDateTimeKind.valueOf(name));
      }
      case "Encoding.UTF8" -> {
        return Bound.constant(pos, Library.ENCODING, CsEncoding.UTF8);
      }
      case "Encoding.ASCII" -> {
        return Bound.constant(pos, Library.ENCODING, CsEncoding.ASCII);
      }
      case "Encoding.Unicode" -> {
        return Bound.constant(pos, Library.ENCODING, CsEncoding.UNICODE);
      }
      case "Encoding.BigEndianUnicode" -> {
        return Bound.constant(pos, Library.ENCODING, CsEncoding.BIG_ENDIAN_UNICODE);
      }
      case "Encoding.UTF32" -> {
        return Bound.constant(pos, Library.ENCODING, CsEncoding.UTF32);
      }
      case "Encoding.Latin1" -> {
        return Bound.constant(pos, Library.ENCODING, CsEncoding.LATIN1);
      }
      case "TimeSpan.Zero" -> {
        return Bound.constant(pos, Library.TIMESPAN, CsTimeSpan.ZERO);
      }
      case "TimeSpan.MaxValue" -> {
        return Bound.constant(pos, Library.TIMESPAN, CsTimeSpan.MAX_VALUE);
      }
      case "TimeSpan.MinValue" -> {
        return Bound.constant(pos, Library.TIMESPAN, CsTimeSpan.MIN_VALUE);
      }
      case "DateTimeOffset.UtcNow" -> {
        return Bound.of(pos, Library.DATETIMEOFFSET, f -> CsDateTimeOffset.utcNow(f.context.now()));
      }
      case "DateTimeOffset.Now" -> {
        return Bound.of(pos, Library.DATETIMEOFFSET, f -> CsDateTimeOffset.now(f.context.now()));
      }
      case "DateTime.UnixEpoch" -> {
        return Bound.constant(pos, Library.DATETIME, CsDateTime.UNIX_EPOCH);
      }
      case "Math.PI" -> {
        return Bound.constant(pos, CsType.DOUBLE, CsMath.PI);
      }
      case "Math.E" -> {
        return Bound.constant(pos, CsType.DOUBLE, CsMath.E);
      }
      case "double.NaN" -> {
        return Bound.constant(pos, CsType.DOUBLE, Double.NaN);
      }
      case "StringComparer.OrdinalIgnoreCase", "StringComparer.InvariantCultureIgnoreCase",
          "StringComparer.CurrentCultureIgnoreCase" -> {
        return Bound.constant(pos, Library.STRING_COMPARER, Boolean.TRUE);
      }
      case "StringComparer.Ordinal", "StringComparer.InvariantCulture", "StringComparer.CurrentCulture" -> {
        return Bound.constant(pos, Library.STRING_COMPARER, Boolean.FALSE);
      }
      default -> { }
    }
    if (t == Library.REGEX_OPTIONS && REGEX_OPTIONS.containsKey(name)) {
      return Bound.constant(pos, t, REGEX_OPTIONS.get(name));
    }
    if (t == Library.MIDPOINT) {
      try {
        return Bound.constant(pos, t, CsMath.MidpointRounding.valueOf(name));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  // ---- instance properties ----

  static Bound instanceProperty(Bound target, String name) {
    CsType t = target.type;
    Bound certificate = CertificateMembers.property(target, name);
    if (certificate != null) {
      return certificate;
    }
    if (t == Library.TIMESPAN) {
      return switch (name) {
        case "Ticks" -> Library.prop(target, CsType.LONG, CsTimeSpan.class, CsTimeSpan::ticks);
        case "Days" -> Library.prop(target, CsType.INT, CsTimeSpan.class, CsTimeSpan::days);
        case "Hours" -> Library.prop(target, CsType.INT, CsTimeSpan.class, CsTimeSpan::hours);
        case "Minutes" -> Library.prop(target, CsType.INT, CsTimeSpan.class, CsTimeSpan::minutes);
        case "Seconds" -> Library.prop(target, CsType.INT, CsTimeSpan.class, CsTimeSpan::seconds);
        case "Milliseconds" -> Library.prop(target, CsType.INT, CsTimeSpan.class, CsTimeSpan::milliseconds);
        case "TotalDays" -> Library.prop(target, CsType.DOUBLE, CsTimeSpan.class, CsTimeSpan::totalDays);
        case "TotalHours" -> Library.prop(target, CsType.DOUBLE, CsTimeSpan.class, CsTimeSpan::totalHours);
        case "TotalMinutes" -> Library.prop(target, CsType.DOUBLE, CsTimeSpan.class, CsTimeSpan::totalMinutes);
        case "TotalSeconds" -> Library.prop(target, CsType.DOUBLE, CsTimeSpan.class, CsTimeSpan::totalSeconds);
        case "TotalMilliseconds" -> Library.prop(target, CsType.DOUBLE, CsTimeSpan.class, CsTimeSpan::totalMilliseconds);
        default -> null;
      };
    }
    if (t == Library.DATETIMEOFFSET) {
      return switch (name) {
        case "UtcDateTime" -> Library.prop(target, Library.DATETIME, CsDateTimeOffset.class, CsDateTimeOffset::utcDateTime);
        case "DateTime" -> Library.prop(target, Library.DATETIME, CsDateTimeOffset.class, CsDateTimeOffset::dateTime);
        case "LocalDateTime" -> Library.prop(target, Library.DATETIME, CsDateTimeOffset.class,
            CsDateTimeOffset::localDateTime);
        case "Offset" -> Library.prop(target, Library.TIMESPAN, CsDateTimeOffset.class, CsDateTimeOffset::offset);
        case "Ticks" -> Library.prop(target, CsType.LONG, CsDateTimeOffset.class, CsDateTimeOffset::ticks);
        case "UtcTicks" -> Library.prop(target, CsType.LONG, CsDateTimeOffset.class, CsDateTimeOffset::utcTicks);
        case "Year" -> Library.prop(target, CsType.INT, CsDateTimeOffset.class, CsDateTimeOffset::year);
        case "Month" -> Library.prop(target, CsType.INT, CsDateTimeOffset.class, CsDateTimeOffset::month);
        case "Day" -> Library.prop(target, CsType.INT, CsDateTimeOffset.class, CsDateTimeOffset::day);
        case "Hour" -> Library.prop(target, CsType.INT, CsDateTimeOffset.class, CsDateTimeOffset::hour);
        case "Minute" -> Library.prop(target, CsType.INT, CsDateTimeOffset.class, CsDateTimeOffset::minute);
        case "Second" -> Library.prop(target, CsType.INT, CsDateTimeOffset.class, CsDateTimeOffset::second);
        default -> null;
      };
    }
    if (t == Library.DATETIME && name.equals("TimeOfDay")) {
      return Library.prop(target, Library.TIMESPAN, CsDateTime.class, CsDateTime::timeOfDay);
    }
    if (t == Library.MATCH || t == Library.GROUP) {
      return switch (name) {
        case "Success" -> Library.prop(target, CsType.BOOL, Object.class, o -> o instanceof CsMatch m ? m.success()
            : ((CsGroup) o).success());
        case "Value" -> Library.prop(target, CsType.STRING, Object.class, o -> o instanceof CsMatch m ? m.value()
            : ((CsGroup) o).value());
        case "Index" -> Library.prop(target, CsType.INT, Object.class, o -> o instanceof CsMatch m ? m.index()
            : ((CsGroup) o).index());
        case "Length" -> Library.prop(target, CsType.INT, Object.class, o -> o instanceof CsMatch m ? m.length()
            : ((CsGroup) o).length());
        case "Groups" -> t == Library.MATCH ? Library.prop(target, Library.GROUPS, CsMatch.class, CsMatch::groups) : null;
        case "Name" -> t == Library.GROUP ? Library.prop(target, CsType.STRING, CsGroup.class, CsGroup::name) : null;
        default -> null;
      };
    }
    if (t == Library.GROUPS && name.equals("Count")) {
      return Library.prop(target, CsType.INT, CsGroupCollection.class, CsGroupCollection::count);
    }
    if (t == Library.STRING_BUILDER && name.equals("Length")) {
      return Library.prop(target, CsType.INT, CsStringBuilder.class, CsStringBuilder::length);
    }
    if (t == Library.BASIC) {
      return switch (name) {
        case "UserId" -> Library.prop(target, CsType.STRING, BasicAuthCredentials.class, BasicAuthCredentials::userId);
        case "Password" -> Library.prop(target, CsType.STRING, BasicAuthCredentials.class, BasicAuthCredentials::password);
        default -> null;
      };
    }
    if (t.equals(URI)) {
      return switch (name) {
        case "AbsoluteUri" -> Library.prop(target, CsType.STRING, CsUri.class, CsUri::absoluteUri);
        case "AbsolutePath" -> Library.prop(target, CsType.STRING, CsUri.class, CsUri::absolutePath);
        case "Host" -> Library.prop(target, CsType.STRING, CsUri.class, CsUri::host);
        case "Port" -> Library.prop(target, CsType.INT, CsUri.class, CsUri::port);
        case "Scheme" -> Library.prop(target, CsType.STRING, CsUri.class, CsUri::scheme);
        case "Query" -> Library.prop(target, CsType.STRING, CsUri.class, CsUri::query);
        case "Fragment" -> Library.prop(target, CsType.STRING, CsUri.class, CsUri::fragment);
        case "PathAndQuery" -> Library.prop(target, CsType.STRING, CsUri.class, CsUri::pathAndQuery);
        default -> null;
      };
    }
    Bound crypto = CryptoMembers.property(target, name);
    if (crypto != null) {
      return crypto;
    }
    if (isHash(t) && name.equals("Key")) {
      return Library.prop(target, Library.BYTES, CsHashAlgorithm.class, CsHashAlgorithm::key);
    }
    Bound xml = XmlMembers.property(target, name);
    if (xml != null) {
      return xml;
    }
    if (t.kind == CsType.Kind.SET && name.equals("Count")) {
      return Library.prop(target, CsType.INT, java.util.Set.class, java.util.Set::size);
    }
    return null;
  }

  static final CsType URI = CsType.cls("Uri");

  static boolean isHmac(CsType t) {
    return HMACS.contains(t.name);
  }

  static boolean isHash(CsType t) {
    return t == Library.HASH || HMACS.contains(t.name) || HASHES.contains(t.name);
  }

  // ---- constructors ----

  static Bound construct(CsType type, List<Bound> args, int pos) {
    int n = args.size();
    if (HMACS.contains(type.name)) {
      if (n == 0) {
        String alg = type.name;
        return Bound.of(pos, type, f -> CsHashAlgorithm.hmac(alg));
      }
      if (n != 1 || !Conversions.implicitOk(args.get(0), Library.BYTES)) {
        throw new CompileError(pos, "%s takes a byte[] key", type.name);
      }
      Eval k = args.get(0).eval;
      String alg = type.name;
      return Bound.of(pos, type, f -> CsHashAlgorithm.hmac(alg, (byte[]) k.eval(f)));
    }
    switch (type.name) {
      case "Guid" -> {
        if (n == 1 && Conversions.implicitOk(args.get(0), Library.BYTES)) {
          Eval b = args.get(0).eval;
          return Bound.of(pos, type, f -> CsGuid.fromByteArray((byte[]) b.eval(f)));
        }
        if (n == 1 && Conversions.implicitOk(args.get(0), CsType.STRING)) {
          Eval s = args.get(0).eval;
          return Bound.of(pos, type, f -> CsGuid.parse((String) s.eval(f)));
        }
        throw new CompileError(pos, "Guid has no constructor taking these arguments");
      }
      case "Uri" -> {
        if (n == 1 && Conversions.implicitOk(args.get(0), CsType.STRING)) {
          Eval u = args.get(0).eval;
          return Bound.of(pos, type, f -> CsUri.of((String) u.eval(f)));
        }
        if (n == 2 && args.get(0).type.equals(type) && Conversions.implicitOk(args.get(1), CsType.STRING)) {
          Eval b = args.get(0).eval;
          Eval r = args.get(1).eval;
          return Bound.of(pos, type, f -> CsUri.of((CsUri) b.eval(f), (String) r.eval(f)));
        }
        throw new CompileError(pos, "Uri has no constructor taking these arguments");
      }
      case "StringBuilder" -> {
        if (n == 0) {
          return Bound.of(pos, type, f -> new CsStringBuilder());
        }
        Eval s = Conversions.implicit(args.get(0), CsType.STRING, pos);
        return Bound.of(pos, type, f -> new CsStringBuilder((String) s.eval(f)));
      }
      case "Regex" -> {
        Eval p = Conversions.implicit(args.get(0), CsType.STRING, pos);
        Eval o = n > 1 ? Conversions.implicit(args.get(1), Library.REGEX_OPTIONS, pos) : f -> 0;
        if (n > 2) {
          Eval ts = Conversions.implicit(args.get(2), Library.TIMESPAN, pos);
          return Bound.of(pos, type, f -> new CsRegex((String) p.eval(f), (Integer) o.eval(f),
              java.time.Duration.ofMillis((long) ((CsTimeSpan) ts.eval(f)).totalMilliseconds())));
        }
        return Bound.of(pos, type, f -> new CsRegex((String) p.eval(f), (Integer) o.eval(f)));
      }
      case "Random" -> {
        if (n == 0) {
          return Bound.of(pos, type, f -> new CsRandom());
        }
        Eval s = Conversions.implicit(args.get(0), CsType.INT, pos);
        return Bound.of(pos, type, f -> new CsRandom((Integer) s.eval(f)));
      }
      case "TimeSpan" -> {
        Eval[] e = ints(args, pos);
        return switch (n) {
          case 3 -> Bound.of(pos, type, f -> CsTimeSpan.of(i(e[0], f), i(e[1], f), i(e[2], f)));
          case 4 -> Bound.of(pos, type, f -> CsTimeSpan.of(i(e[0], f), i(e[1], f), i(e[2], f), i(e[3], f), 0));
          case 5 -> Bound.of(pos, type, f -> CsTimeSpan.of(i(e[0], f), i(e[1], f), i(e[2], f), i(e[3], f),
              i(e[4], f)));
          default -> throw new CompileError(pos, "TimeSpan has no constructor taking %s arguments", "" + n);
        };
      }
      case "DateTime" -> {
        if ((n == 7 || n == 8) && args.get(n - 1).type == Library.DATETIME_KIND) {
          Eval[] e = ints(args.subList(0, n - 1), pos);
          Eval kind = args.get(n - 1).eval;
          return Bound.of(pos, type, f -> CsDateTime.of(i(e[0], f), i(e[1], f), i(e[2], f), i(e[3], f),
              i(e[4], f), i(e[5], f), e.length > 6 ? i(e[6], f) : 0, (CsDateTimeKind) kind.eval(f)));
        }
        Eval[] e = ints(args, pos);
        return switch (n) {
          case 3 -> Bound.of(pos, type, f -> CsDateTime.of(i(e[0], f), i(e[1], f), i(e[2], f)));
          case 6, 7 -> Bound.of(pos, type, f -> CsDateTime.of(i(e[0], f), i(e[1], f), i(e[2], f), i(e[3], f),
              i(e[4], f), i(e[5], f), e.length > 6 ? i(e[6], f) : 0,
              CsDateTimeKind.Unspecified));
          default -> throw new CompileError(pos, "DateTime has no constructor taking %s arguments", "" + n);
        };
      }
      case "DateTimeOffset" -> {
        if (n == 1 && Conversions.implicitOk(args.get(0), Library.DATETIME)) {
          Eval d = args.get(0).eval;
          return Bound.of(pos, type, f -> CsDateTimeOffset.of((CsDateTime) d.eval(f)));
        }
        throw new CompileError(pos, "DateTimeOffset has no such constructor");
      }
      default -> {
        return Collections.construct(type, args, pos);
      }
    }
  }

  private static Eval[] ints(List<Bound> args, int pos) {
    Eval[] e = new Eval[args.size()];
    for (int k = 0; k < e.length; k++) {
      e[k] = Conversions.implicit(args.get(k), CsType.INT, pos);
    }
    return e;
  }

  private static int i(Eval e, Frame f) {
    return (Integer) e.eval(f);
  }

  // ---- calls ----

  /** The member groups bound in their own files, tried before the ones here. */
  private static final List<Function<Calls, Bound>> MEMBER_GROUPS = List.of(CryptoMembers::call, FormMembers::call,
      CertificateMembers::call, JsonMembers::call);

  static Bound call(Calls c) {
    for (Function<Calls, Bound> group : MEMBER_GROUPS) {
      Bound b = group.apply(c);
      if (b != null) {
        return b;
      }
    }
    if (c.target.typeRef != null) {
      return statics(c, c.target.typeRef);
    }
    CsType t = c.target.type;
    Eval r = c.recv();
    int n = c.n;
    switch (c.name) {
      case "TryParseJwt" -> {
        if (t == CsType.STRING && n == 1 && c.isOut(0)) {
          Bound.Store out = c.binder.outTarget(c.syntax.get(0), Library.JWT);
          return c.of(CsType.BOOL, f -> {
            Jwt j = Jwt.tryParse((String) r.eval(f));
            out.set(f, j);
            return j != null;
          });
        }
        return null;
      }
      case "AsBasic" -> {
        return t == CsType.STRING && n == 0
            ? c.of(Library.BASIC, f -> BasicAuthCredentials.parse((String) r.eval(f))) : null;
      }
      case "TryParseBasic" -> {
        if (t == CsType.STRING && n == 1 && c.isOut(0)) {
          Bound.Store out = c.binder.outTarget(c.syntax.get(0), Library.BASIC);
          return c.of(CsType.BOOL, f -> {
            BasicAuthCredentials b = BasicAuthCredentials.tryParse((String) r.eval(f));
            out.set(f, b);
            return b != null;
          });
        }
        return null;
      }
      case "TryGetValue" -> {
        if (t.kind == CsType.Kind.DICT && n == 2 && c.isOut(1) && c.is(0, t.a)) {
          Eval k = c.arg(0, t.a);
          Bound.Store out = c.binder.outTarget(c.syntax.get(1), t.b);
          Object missing = Conversions.defaultValue(t.b);
          Eval backing = c.target.backing;
          return c.of(CsType.BOOL, f -> {
            Object marker = out;
            Object v = backing != null ? CsDictionary.lookup(backing.eval(f), (String) k.eval(f), marker)
                : ((CsDictionary) r.eval(f)).lookup((String) k.eval(f), marker);
            out.set(f, v == marker ? missing : v);
            return v != marker;
          });
        }
        return null;
      }
      default -> { }
    }
    if (t == Library.ENCODING) {
      if (c.name.equals("GetBytes") && n == 1 && c.is(0, CsType.STRING)) {
        Eval s = c.arg(0, CsType.STRING);
        return c.of(Library.BYTES, f -> ((CsEncoding) r.eval(f)).getBytes((String) s.eval(f)));
      }
      if (c.name.equals("GetString") && n == 1 && c.is(0, Library.BYTES)) {
        Eval s = c.arg(0, Library.BYTES);
        return c.of(CsType.STRING, f -> ((CsEncoding) r.eval(f)).getString((byte[]) s.eval(f)));
      }
      return null;
    }
    if (t == Library.REGEX) {
      return regex(c, r, 0);
    }
    if (t == Library.MATCH && c.name.equals("NextMatch") && n == 0) {
      return c.of(Library.MATCH, f -> ((CsMatch) r.eval(f)).nextMatch());
    }
    if (t == Library.STRING_BUILDER) {
      return stringBuilder(c, r);
    }
    if (isHash(t)) {
      if (c.name.equals("ComputeHash") && n == 1 && c.is(0, Library.BYTES)) {
        Eval d = c.arg(0, Library.BYTES);
        return c.of(Library.BYTES, f -> ((CsHashAlgorithm) r.eval(f)).computeHash((byte[]) d.eval(f)));
      }
      if (c.name.equals("Dispose") && n == 0) {
        return c.of(CsType.VOID, f -> {
          ((CsHashAlgorithm) r.eval(f)).dispose();
          return null;
        });
      }
      return null;
    }
    if (t == Library.RANDOM) {
      return random(c, r);
    }
    if (t == Library.TIMESPAN || t == Library.DATETIMEOFFSET || t == Library.DATETIME) {
      return time(c, t, r);
    }
    if (t == Library.GUID && c.name.equals("ToByteArray") && n == 0) {
      return c.of(Library.BYTES, f -> CsGuid.toByteArray((java.util.UUID) r.eval(f)));
    }
    if (t.kind == CsType.Kind.LIST || t.kind == CsType.Kind.SET || t.kind == CsType.Kind.DICT) {
      return Collections.call(c, t, r);
    }
    if (t == Library.XELEMENT || t == Library.XDOCUMENT) {
      return XmlMembers.call(c, t, r);
    }
    return null;
  }

  private static Bound stringBuilder(Calls c, Eval r) {
    int n = c.n;
    switch (c.name) {
      case "Append" -> {
        if (n == 1 && c.args.get(0).isValue()) {
          Eval v = c.args.get(0).eval;
          return c.of(Library.STRING_BUILDER, f -> {
            CsStringBuilder sb = (CsStringBuilder) r.eval(f);
            sb.append(v.eval(f));
            f.checkString(sb.toString());
            return sb;
          });
        }
        return null;
      }
      case "AppendLine" -> {
        if (n == 0) {
          return c.of(Library.STRING_BUILDER, f -> ((CsStringBuilder) r.eval(f)).appendLine());
        }
        if (n == 1 && c.is(0, CsType.STRING)) {
          Eval v = c.arg(0, CsType.STRING);
          return c.of(Library.STRING_BUILDER, f -> ((CsStringBuilder) r.eval(f)).appendLine((String) v.eval(f)));
        }
        return null;
      }
      case "AppendFormat" -> {
        if (n >= 1 && c.is(0, CsType.STRING)) {
          Eval fmt = c.arg(0, CsType.STRING);
          Eval[] rest = new Eval[n - 1];
          for (int i = 1; i < n; i++) {
            rest[i - 1] = c.args.get(i).eval;
          }
          return c.of(Library.STRING_BUILDER, f -> {
            Object[] vals = new Object[rest.length];
            for (int i = 0; i < rest.length; i++) {
              vals[i] = rest[i].eval(f);
            }
            return ((CsStringBuilder) r.eval(f)).appendFormat((String) fmt.eval(f), vals);
          });
        }
        return null;
      }
      case "Clear" -> {
        return n == 0 ? c.of(Library.STRING_BUILDER, f -> ((CsStringBuilder) r.eval(f)).clear()) : null;
      }
      case "ToString" -> {
        return n == 0 ? c.of(CsType.STRING, f -> r.eval(f).toString()) : null;
      }
      default -> {
        return null;
      }
    }
  }

  private static Bound random(Calls c, Eval r) {
    int n = c.n;
    if (c.name.equals("Next")) {
      if (n == 0) {
        return c.of(CsType.INT, f -> ((CsRandom) r.eval(f)).next());
      }
      if (n == 1 && c.is(0, CsType.INT)) {
        Eval a = c.arg(0, CsType.INT);
        return c.of(CsType.INT, f -> ((CsRandom) r.eval(f)).next((Integer) a.eval(f)));
      }
      if (n == 2 && c.is(0, CsType.INT) && c.is(1, CsType.INT)) {
        Eval a = c.arg(0, CsType.INT);
        Eval b = c.arg(1, CsType.INT);
        return c.of(CsType.INT, f -> ((CsRandom) r.eval(f)).next((Integer) a.eval(f), (Integer) b.eval(f)));
      }
    }
    if (c.name.equals("NextDouble") && n == 0) {
      return c.of(CsType.DOUBLE, f -> ((CsRandom) r.eval(f)).nextDouble());
    }
    return null;
  }

  private static Bound time(Calls c, CsType t, Eval r) {
    int n = c.n;
    if (t == Library.DATETIMEOFFSET) {
      switch (c.name) {
        case "ToUnixTimeSeconds" -> {
          return n == 0 ? c.of(CsType.LONG, f -> ((CsDateTimeOffset) r.eval(f)).toUnixTimeSeconds()) : null;
        }
        case "ToUnixTimeMilliseconds" -> {
          return n == 0 ? c.of(CsType.LONG, f -> ((CsDateTimeOffset) r.eval(f)).toUnixTimeMilliseconds()) : null;
        }
        case "AddSeconds", "AddMinutes", "AddHours", "AddDays", "AddMilliseconds" -> {
          if (n == 1 && c.is(0, CsType.DOUBLE)) {
            Eval a = c.arg(0, CsType.DOUBLE);
            String op = c.name;
            return c.of(t, f -> {
              CsDateTimeOffset d = (CsDateTimeOffset) r.eval(f);
              double v = (Double) a.eval(f);
              return switch (op) {
                case "AddSeconds" -> d.addSeconds(v);
                case "AddMinutes" -> d.addMinutes(v);
                case "AddHours" -> d.addHours(v);
                case "AddDays" -> d.addDays(v);
                default -> d.addMilliseconds(v);
              };
            });
          }
          return null;
        }
        default -> { }
      }
    }
    if (c.name.equals("Add") && n == 1 && c.is(0, Library.TIMESPAN)) {
      Eval a = c.arg(0, Library.TIMESPAN);
      return c.of(t, f -> {
        Object x = r.eval(f);
        CsTimeSpan span = (CsTimeSpan) a.eval(f);
        return x instanceof CsDateTime d ? d.add(span) : x instanceof CsDateTimeOffset o ? o.add(span)
            : ((CsTimeSpan) x).add(span);
      });
    }
    if (c.name.equals("Subtract") && n == 1) {
      if (c.is(0, Library.TIMESPAN)) {
        Eval a = c.arg(0, Library.TIMESPAN);
        return c.of(t, f -> {
          Object x = r.eval(f);
          CsTimeSpan span = (CsTimeSpan) a.eval(f);
          return x instanceof CsDateTime d ? d.subtract(span) : x instanceof CsDateTimeOffset o
              ? o.add(span.negate()) : ((CsTimeSpan) x).subtract(span);
        });
      }
      if (c.is(0, t) && t != Library.TIMESPAN) {
        Eval a = c.arg(0, t);
        return c.of(Library.TIMESPAN, f -> {
          Object x = r.eval(f);
          return x instanceof CsDateTime d ? d.subtract((CsDateTime) a.eval(f))
              : ((CsDateTimeOffset) x).subtract((CsDateTimeOffset) a.eval(f));
        });
      }
    }
    if (t == Library.TIMESPAN && n == 0 && (c.name.equals("Negate") || c.name.equals("Duration"))) {
      boolean neg = c.name.equals("Negate");
      return c.of(t, f -> neg ? ((CsTimeSpan) r.eval(f)).negate() : ((CsTimeSpan) r.eval(f)).duration());
    }
    return null;
  }

  /** Regex methods on the regex {@code regex} with the input at argument {@code first}. */
  private static Bound regex(Calls c, Eval regex, int first) {
    int n = c.n - first;
    if (n < 1 || !c.is(first, CsType.STRING)) {
      return null;
    }
    Eval in = c.arg(first, CsType.STRING);
    switch (c.name) {
      case "IsMatch" -> {
        return n == 1 ? c.of(CsType.BOOL, f -> ((CsRegex) regex.eval(f)).isMatch((String) in.eval(f))) : null;
      }
      case "Match" -> {
        if (n == 2 && c.is(first + 1, CsType.INT)) {
          Eval st = c.arg(first + 1, CsType.INT);
          return c.of(Library.MATCH, f -> ((CsRegex) regex.eval(f)).match((String) in.eval(f), (Integer) st.eval(f)));
        }
        return n == 1 ? c.of(Library.MATCH, f -> ((CsRegex) regex.eval(f)).match((String) in.eval(f))) : null;
      }
      case "Matches" -> {
        return n == 1 ? c.of(Library.MATCHES, f -> new ArrayList<Object>(
            ((CsRegex) regex.eval(f)).matches((String) in.eval(f)))) : null;
      }
      case "Split" -> {
        return n == 1 ? c.of(Library.STRING_ARRAY, f -> ((CsRegex) regex.eval(f)).split((String) in.eval(f))) : null;
      }
      case "Replace" -> {
        if (n == 2 && c.is(first + 1, CsType.STRING)) {
          Eval rep = c.arg(first + 1, CsType.STRING);
          return c.of(CsType.STRING, f -> f.checkString(((CsRegex) regex.eval(f)).replace((String) in.eval(f),
              (String) rep.eval(f))));
        }
        if (n == 2 && c.args.get(first + 1).lambda != null) {
          Binder.Fn fn = c.binder.lambda(c.args.get(first + 1), Library.MATCH);
          if (fn.returnType() != CsType.STRING) {
            throw new CompileError(c.pos, "the match evaluator must return string");
          }
          return c.of(CsType.STRING, f -> ((CsRegex) regex.eval(f)).replace((String) in.eval(f),
              m -> (String) fn.call(f, m)));
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  private static Bound statics(Calls c, CsType t) {
    int n = c.n;
    String key = t.name + "." + c.name;
    if (t == Library.REGEX && n >= 2 && c.is(1, CsType.STRING)) {
      Eval p = c.arg(1, CsType.STRING);
      int last = n - 1;
      boolean hasOptions = c.is(last, Library.REGEX_OPTIONS) && c.args.get(last).type == Library.REGEX_OPTIONS;
      Eval o = hasOptions ? c.arg(last, Library.REGEX_OPTIONS) : f -> 0;
      Calls inner = hasOptions ? c.without(last).without(1) : c.without(1);
      Eval regex = f -> new CsRegex((String) p.eval(f), (Integer) o.eval(f));
      return regex(inner, regex, 0);
    }
    if (t == Library.REGEX && (c.name.equals("Escape") || c.name.equals("Unescape")) && n == 1) {
      Eval s = c.arg(0, CsType.STRING);
      boolean esc = c.name.equals("Escape");
      return c.of(CsType.STRING, f -> esc ? CsRegex.escape((String) s.eval(f)) : CsRegex.unescape((String) s.eval(f)));
    }
    if (HASHES.contains(t.name) && c.name.equals("Create") && n == 0) {
      String alg = t.name;
      return c.of(t, f -> CsHashAlgorithm.create(alg));
    }
    if (t.name.equals("Math")) {
      return MathCalls.bind(c);
    }
    switch (key) {
      case "Convert.ToBase64String" -> {
        if (n == 1 && c.is(0, Library.BYTES)) {
          Eval b = c.arg(0, Library.BYTES);
          return c.of(CsType.STRING, f -> f.checkString(CsConvert.toBase64String((byte[]) b.eval(f))));
        }
        return null;
      }
      case "Convert.FromBase64String" -> {
        if (n == 1 && c.is(0, CsType.STRING)) {
          Eval s = c.arg(0, CsType.STRING);
          return c.of(Library.BYTES, f -> CsConvert.fromBase64String((String) s.eval(f)));
        }
        return null;
      }
      case "BitConverter.ToString" -> {
        if (n == 1 && c.is(0, Library.BYTES)) {
          Eval b = c.arg(0, Library.BYTES);
          return c.of(CsType.STRING, f -> CsBitConverter.toString((byte[]) b.eval(f)));
        }
        return null;
      }
      case "BitConverter.ToInt32", "BitConverter.ToInt64" -> {
        if (n == 2 && c.is(0, Library.BYTES) && c.is(1, CsType.INT)) {
          Eval b = c.arg(0, Library.BYTES);
          Eval i = c.arg(1, CsType.INT);
          return c.name.equals("ToInt32")
              ? c.of(CsType.INT, f -> CsBitConverter.toInt32((byte[]) b.eval(f), (Integer) i.eval(f)))
              : c.of(CsType.LONG, f -> CsBitConverter.toInt64((byte[]) b.eval(f), (Integer) i.eval(f)));
        }
        return null;
      }
      case "XElement.Parse", "XDocument.Parse" -> {
        if (n == 1 && c.is(0, CsType.STRING)) {
          Eval s = c.arg(0, CsType.STRING);
          return t == Library.XELEMENT ? c.of(t, f -> XElement.parse((String) s.eval(f)))
              : c.of(t, f -> XDocument.parse((String) s.eval(f)));
        }
        return null;
      }
      case "Guid.Parse" -> {
        if (n == 1 && c.is(0, CsType.STRING)) {
          Eval s = c.arg(0, CsType.STRING);
          return c.of(Library.GUID, f -> CsGuid.parse((String) s.eval(f)));
        }
        return null;
      }
      case "WebUtility.HtmlEncode", "WebUtility.HtmlDecode" -> {
        if (n == 1 && c.is(0, CsType.STRING)) {
          Eval s = c.arg(0, CsType.STRING);
          boolean enc = c.name.equals("HtmlEncode");
          return c.of(CsType.STRING, f -> enc ? CsWebUtility.htmlEncode((String) s.eval(f))
              : CsWebUtility.htmlDecode((String) s.eval(f)));
        }
        return null;
      }
      case "TimeSpan.FromMilliseconds", "TimeSpan.FromSeconds", "TimeSpan.FromMinutes", "TimeSpan.FromHours",
          "TimeSpan.FromDays" -> {
        if (n == 1 && c.is(0, CsType.DOUBLE)) {
          Eval a = c.arg(0, CsType.DOUBLE);
          String op = c.name;
          return c.of(Library.TIMESPAN, f -> {
            double v = (Double) a.eval(f);
            return switch (op) {
              case "FromMilliseconds" -> CsTimeSpan.fromMilliseconds(v);
              case "FromSeconds" -> CsTimeSpan.fromSeconds(v);
              case "FromMinutes" -> CsTimeSpan.fromMinutes(v);
              case "FromHours" -> CsTimeSpan.fromHours(v);
              default -> CsTimeSpan.fromDays(v);
            };
          });
        }
        return null;
      }
      case "TimeSpan.FromTicks" -> {
        if (n == 1 && c.is(0, CsType.LONG)) {
          Eval a = c.arg(0, CsType.LONG);
          return c.of(Library.TIMESPAN, f -> CsTimeSpan.fromTicks((Long) a.eval(f)));
        }
        return null;
      }
      case "TimeSpan.Parse" -> {
        Eval s = c.arg(0, CsType.STRING);
        return n == 1 ? c.of(Library.TIMESPAN, f -> CsTimeSpan.parse((String) s.eval(f))) : null;
      }
      case "DateTime.SpecifyKind" -> {
        if (n == 2 && c.is(0, Library.DATETIME) && c.is(1, Library.DATETIME_KIND)) {
          Eval d = c.arg(0, Library.DATETIME);
          Eval k = c.arg(1, Library.DATETIME_KIND);
          return c.of(Library.DATETIME, f -> CsDateTime.specifyKind((CsDateTime) d.eval(f),
              (CsDateTimeKind) k.eval(f)));
        }
        return null;
      }
      case "DateTime.Parse" -> {
        Eval s = c.arg(0, CsType.STRING);
        return n == 1 ? c.of(Library.DATETIME, f -> CsDateTime.parse((String) s.eval(f))) : null;
      }
      case "DateTimeOffset.Parse" -> {
        Eval s = c.arg(0, CsType.STRING);
        return n == 1 ? c.of(Library.DATETIMEOFFSET, f -> CsDateTimeOffset.parse((String) s.eval(f))) : null;
      }
      case "DateTimeOffset.FromUnixTimeSeconds", "DateTimeOffset.FromUnixTimeMilliseconds" -> {
        if (n == 1 && c.is(0, CsType.LONG)) {
          Eval a = c.arg(0, CsType.LONG);
          boolean sec = c.name.endsWith("Seconds");
          return c.of(Library.DATETIMEOFFSET, f -> sec ? CsDateTimeOffset.fromUnixTimeSeconds((Long) a.eval(f))
              : CsDateTimeOffset.fromUnixTimeMilliseconds((Long) a.eval(f)));
        }
        return null;
      }
      default -> { }
    }
    if (c.name.equals("TryParse") && n == 2 && c.isOut(1) && c.is(0, CsType.STRING)) {
      Eval s = c.arg(0, CsType.STRING);
      Function<String, Object> parse = switch (t.name) {
        case "int" -> CsParse::tryParseInt;
        case "long" -> CsParse::tryParseLong;
        case "short" -> CsParse::tryParseShort;
        case "byte" -> CsParse::tryParseByte;
        case "double" -> CsParse::tryParseDouble;
        case "float" -> CsParse::tryParseFloat;
        case "decimal" -> CsParse::tryParseDecimal;
        case "bool" -> CsParse::tryParseBool;
        case "Guid" -> CsGuid::tryParse;
        case "DateTime" -> CsDateTime::tryParse;
        case "TimeSpan" -> CsTimeSpan::tryParse;
        default -> null;
      };
      if (parse == null) {
        return null;
      }
      Bound.Store out = c.binder.outTarget(c.syntax.get(1), t);
      Object fallback = t == Library.GUID ? CsGuid.EMPTY : t == Library.DATETIME ? CsDateTime.MIN_VALUE
          : t == Library.TIMESPAN ? CsTimeSpan.ZERO : Conversions.defaultValue(t);
      return c.of(CsType.BOOL, f -> {
        Object v = parse.apply((String) s.eval(f));
        out.set(f, v == null ? fallback : v);
        return v != null;
      });
    }
    return null;
  }
}

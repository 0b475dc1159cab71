package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.runtime.CsException;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.LastError;
import io.gatehouse.engine.context.ApiInfo;
import io.gatehouse.engine.context.DeploymentInfo;
import io.gatehouse.engine.context.OperationInfo;
import io.gatehouse.engine.context.PolicyContext;
import io.gatehouse.engine.context.ProductInfo;
import io.gatehouse.engine.context.RequestContext;
import io.gatehouse.engine.context.ResponseContext;
import io.gatehouse.engine.context.SubscriptionInfo;
import io.gatehouse.engine.context.UrlInfo;
import io.gatehouse.engine.context.UserInfo;
import io.gatehouse.engine.expr.Syntax.Arg;
import io.gatehouse.engine.expr.Syntax.Expr;
import io.gatehouse.engine.expr.runtime.CsDateTime;
import io.gatehouse.engine.expr.runtime.CsGuid;
import io.gatehouse.engine.expr.runtime.CsStringComparison;
import io.gatehouse.engine.expr.runtime.Formatting;
import io.gatehouse.engine.expr.runtime.JArray;
import io.gatehouse.engine.expr.runtime.JContainer;
import io.gatehouse.engine.expr.runtime.JObject;
import io.gatehouse.engine.expr.runtime.JProperty;
import io.gatehouse.engine.expr.runtime.JToken;
import io.gatehouse.engine.expr.runtime.JTokenType;
import io.gatehouse.engine.expr.runtime.Jwt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The modeled library (spec sections 8 and 9): the only types and members an expression can reach. Binds member
 * accesses, calls, indexers and constructors to closures.
 */
final class Library {
  static final CsType CONTEXT = CsType.cls("IContext");
  static final CsType REQUEST = CsType.cls("IRequest");
  static final CsType RESPONSE = CsType.cls("IResponse");
  static final CsType BODY = CsType.cls("IMessageBody");
  static final CsType URL = CsType.cls("IUrl");
  static final CsType API = CsType.cls("IApi");
  static final CsType OPERATION = CsType.cls("IOperation");
  static final CsType PRODUCT = CsType.cls("IProduct");
  static final CsType SUBSCRIPTION = CsType.cls("ISubscription");
  static final CsType USER = CsType.cls("IUser");
  static final CsType DEPLOYMENT = CsType.cls("IDeployment");
  static final CsType LAST_ERROR = CsType.cls("ILastError");
  static final CsType JTOKEN = CsType.cls("JToken");
  static final CsType JOBJECT = CsType.cls("JObject");
  static final CsType JARRAY = CsType.cls("JArray");
  static final CsType JVALUE = CsType.cls("JValue");
  static final CsType JPROPERTY = CsType.cls("JProperty");
  static final CsType JWT = CsType.cls("Jwt");
  static final CsType DATETIME = CsType.value("DateTime");
  static final CsType GUID = CsType.value("Guid");
  static final CsType DATETIME_KIND = CsType.value("DateTimeKind");
  static final CsType FORMATTING = CsType.value("Formatting");
  static final CsType JTOKEN_TYPE = CsType.value("JTokenType");
  static final CsType STRING_COMPARISON = CsType.value("StringComparison");
  static final CsType SPLIT_OPTIONS = CsType.value("StringSplitOptions");
  static final CsType STRING_ARRAY = CsType.array(CsType.STRING);
  static final CsType BYTES = CsType.array(CsType.BYTE);
  static final CsType TIMESPAN = CsType.value("TimeSpan");
  static final CsType DATETIMEOFFSET = CsType.value("DateTimeOffset");
  static final CsType ENCODING = CsType.cls("Encoding");
  static final CsType REGEX = CsType.cls("Regex");
  static final CsType REGEX_OPTIONS = CsType.value("RegexOptions");
  static final CsType MATCH = CsType.cls("Match");
  static final CsType GROUP = CsType.cls("Group");
  static final CsType GROUPS = CsType.cls("GroupCollection");
  static final CsType MATCHES = CsType.list(MATCH);
  static final CsType STRING_BUILDER = CsType.cls("StringBuilder");
  static final CsType HASH = CsType.cls("HashAlgorithm");
  static final CsType RANDOM = CsType.cls("Random");
  static final CsType BASIC = CsType.cls("BasicAuthCredentials");
  static final CsType XELEMENT = CsType.cls("XElement");
  static final CsType XDOCUMENT = CsType.cls("XDocument");
  static final CsType XATTRIBUTE = CsType.cls("XAttribute");
  static final CsType XNAME = CsType.cls("XName");
  static final CsType MIDPOINT = CsType.value("MidpointRounding");
  static final CsType STRING_COMPARER = CsType.cls("StringComparer");
  static final CsType HEADERS = CsType.dict(CsType.STRING, STRING_ARRAY);
  static final CsType STRING_MAP = CsType.dict(CsType.STRING, CsType.STRING);
  static final CsType VARIABLES = CsType.dict(CsType.STRING, CsType.OBJECT);

  private static final Map<String, CsType> TYPES = Map.ofEntries(
      Map.entry("string", CsType.STRING), Map.entry("String", CsType.STRING),
      Map.entry("int", CsType.INT), Map.entry("Int32", CsType.INT),
      Map.entry("long", CsType.LONG), Map.entry("Int64", CsType.LONG),
      Map.entry("short", CsType.SHORT),
      Map.entry("byte", CsType.BYTE), Map.entry("Byte", CsType.BYTE),
      Map.entry("uint", CsType.UINT), Map.entry("ulong", CsType.ULONG),
      Map.entry("bool", CsType.BOOL), Map.entry("Boolean", CsType.BOOL),
      Map.entry("double", CsType.DOUBLE), Map.entry("Double", CsType.DOUBLE),
      Map.entry("float", CsType.FLOAT), Map.entry("Single", CsType.FLOAT),
      Map.entry("decimal", CsType.DECIMAL), Map.entry("Decimal", CsType.DECIMAL),
      Map.entry("char", CsType.CHAR), Map.entry("Char", CsType.CHAR),
      Map.entry("object", CsType.OBJECT), Map.entry("Object", CsType.OBJECT),
      Map.entry("JToken", JTOKEN), Map.entry("JObject", JOBJECT), Map.entry("JArray", JARRAY),
      Map.entry("JValue", JVALUE), Map.entry("JProperty", JPROPERTY), Map.entry("JContainer", CsType.cls("JContainer")),
      Map.entry("Jwt", JWT), Map.entry("IResponse", RESPONSE), Map.entry("IMessageBody", BODY),
      Map.entry("DateTime", DATETIME), Map.entry("Guid", GUID), Map.entry("Formatting", FORMATTING), Map.entry("JTokenType", JTOKEN_TYPE),
      Map.entry("StringComparison", STRING_COMPARISON), Map.entry("StringSplitOptions", SPLIT_OPTIONS),
      Map.entry("Convert", CsType.cls("Convert")), Map.entry("Math", CsType.cls("Math")),
      Map.entry("Uri", CsType.cls("Uri")), Map.entry("WebUtility", CsType.cls("WebUtility")),
      Map.entry("Array", CsType.cls("Array")), Map.entry("JsonConvert", CsType.cls("JsonConvert")),
      Map.entry("Exception", CsType.cls("Exception")),
      Map.entry("TimeSpan", TIMESPAN), Map.entry("DateTimeOffset", DATETIMEOFFSET), Map.entry("Encoding", ENCODING),
      Map.entry("Regex", REGEX), Map.entry("RegexOptions", REGEX_OPTIONS), Map.entry("Match", MATCH),
      Map.entry("Group", GROUP), Map.entry("GroupCollection", GROUPS), Map.entry("MatchCollection", MATCHES),
      Map.entry("StringBuilder", STRING_BUILDER), Map.entry("HashAlgorithm", HASH), Map.entry("Random", RANDOM),
      Map.entry("HMACSHA1", CsType.cls("HMACSHA1")), Map.entry("HMACSHA256", CsType.cls("HMACSHA256")),
      Map.entry("HMACSHA384", CsType.cls("HMACSHA384")), Map.entry("HMACSHA512", CsType.cls("HMACSHA512")),
      Map.entry("HMACMD5", CsType.cls("HMACMD5")), Map.entry("SHA1", CsType.cls("SHA1")),
      Map.entry("SHA256", CsType.cls("SHA256")), Map.entry("SHA384", CsType.cls("SHA384")),
      Map.entry("SHA512", CsType.cls("SHA512")), Map.entry("MD5", CsType.cls("MD5")),
      Map.entry("BitConverter", CsType.cls("BitConverter")), Map.entry("BasicAuthCredentials", BASIC),
      Map.entry("XElement", XELEMENT), Map.entry("XDocument", XDOCUMENT), Map.entry("XAttribute", XATTRIBUTE),
      Map.entry("XName", XNAME), Map.entry("MidpointRounding", MIDPOINT), Map.entry("Int16", CsType.SHORT),
      Map.entry("StringComparer", STRING_COMPARER), Map.entry("SymmetricAlgorithm", CryptoMembers.SYMMETRIC),
      Map.entry("X509Certificate2", CertificateMembers.X509), Map.entry("DateTimeKind", DATETIME_KIND),
      Map.entry("X500DistinguishedName", CertificateMembers.X500));

  static final List<String> TYPE_NAMES = List.copyOf(TYPES.keySet());
  static final Set<String> NAMESPACE_ROOTS = Set.of("System", "Newtonsoft", "Microsoft");

  private final Binder binder;

  private static JTokenType tokenType(String name) {
    try {
      return JTokenType.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static CsStringComparison comparison(String name) {
    try {
      return CsStringComparison.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  Library(Binder binder) {
    this.binder = binder;
  }

  static CsType lookupType(String name, List<CsType> args) {
    String simple = name.substring(name.lastIndexOf('.') + 1);
    if (!args.isEmpty()) {
      return switch (simple) {
        case "IEnumerable" -> args.size() == 1 ? CsType.seq(args.get(0)) : null;
        case "List", "IList", "ICollection" -> args.size() == 1 ? CsType.list(args.get(0)) : null;
        case "HashSet", "ISet" -> args.size() == 1 ? CsType.set(args.get(0)) : null;
        case "Nullable" -> args.size() == 1 ? CsType.nullable(args.get(0)) : null;
        case "IReadOnlyDictionary", "IDictionary", "Dictionary" ->
            args.size() == 2 ? CsType.dict(args.get(0), args.get(1)) : null;
        case "KeyValuePair" -> args.size() == 2 ? CsType.kvp(args.get(0), args.get(1)) : null;
        default -> null;
      };
    }
    CsType t = TYPES.get(simple);
    if (t == null && Statements.isException(simple)) {
      return CsType.cls(simple);
    }
    return t;
  }

  /** The known name closest to {@code name} by edit distance, or null when nothing is close. */
  static String nearest(String name, List<String> known) {
    String best = null;
    int bestD = Math.max(2, name.length() / 3) + 1;
    for (String k : known) {
      int d = distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  // ---- member access ----

  /** A property read: the getter applied to the non-null target. */
  static <T> Bound prop(Bound target, CsType type, Class<T> cls, Function<T, Object> getter) {
    Eval te = target.eval;
    return Bound.of(target.pos, type, f -> getter.apply(cls.cast(Values.requireNonNull(te.eval(f)))));
  }

  /**
   * A context dictionary property: evaluates to a {@link CsDictionary} over the backing collection, and records the
   * backing closure on the bound value so that lookups ({@link Calls}, {@link #index}) go straight to it.
   */
  @SuppressWarnings("unchecked")
  private static <T> Bound dictionary(Bound target, CsType type, Class<T> cls, Function<T, ?> backing,
      CsDictionary.Missing missing) {
    Eval raw = prop(target, type, cls, (Function<T, Object>) backing).eval;
    Bound b = Bound.of(target.pos, type, f -> {
      Object c = raw.eval(f);
      return c instanceof HttpHeaders h ? CsDictionary.ofHeaders(h) : CsDictionary.ofMap((Map<String, ?>) c, missing);
    });
    b.backing = raw;
    b.missing = missing;
    return b;
  }

  private CompileError unknownMember(CsType type, String name, int pos, List<String> known) {
    String best = nearest(name, known.stream().filter(k -> !k.equals(name)).toList());
    return new CompileError(pos, "%s does not contain a definition for %s" + (best == null ? ""
        : " (did you mean '" + best + "'?)"), type.name, name);
  }

  Bound member(Bound target, String name, List<Syntax.TypeRef> typeArgs, int pos) {
    if (target.namespace != null) {
      String ns = target.namespace + "." + name;
      CsType t = lookupType(name, binder.resolveTypes(typeArgs));
      return t != null ? Bound.typeRef(pos, t) : Bound.namespace(pos, ns);
    }
    if (target.typeRef != null) {
      return staticMember(target.typeRef, name, pos);
    }
    if (target.lambda != null) {
      throw new CompileError(pos, "member access on a lambda");
    }
    Bound b = instanceProperty(target, name);
    if (b == null) {
      throw unknownMember(target.type, name, pos, propertyNames(target.type));
    }
    Bound r = Bound.of(pos, b.type, b.eval);
    r.store = b.store;
    r.backing = b.backing;
    r.missing = b.missing;
    return r;
  }

  private static List<String> propertyNames(CsType t) {
    if (t.kind == CsType.Kind.ANONYMOUS) {
      return t.memberNames;
    }
    if (t.kind == CsType.Kind.OBJECT) {
      return List.of("ToString", "Equals", "GetHashCode", "GetType");
    }
    return List.of("Request", "Response", "Variables", "Api", "Operation", "Headers", "Body", "Url", "Method",
        "StatusCode", "Length", "Count", "Key", "Value", "Subject", "Claims", "Name", "Id", "Query", "Path");
  }

  private Bound staticMember(CsType t, String name, int pos) {
    Bound utility = UtilityTypes.staticProperty(t, name, pos);
    if (utility != null) {
      return utility;
    }
    Object v = switch (t.name + "." + name) {
      case "string.Empty" -> "";
      case "int.MaxValue" -> Integer.MAX_VALUE;
      case "int.MinValue" -> Integer.MIN_VALUE;
      case "long.MaxValue" -> Long.MAX_VALUE;
      case "long.MinValue" -> Long.MIN_VALUE;
      case "Formatting.None" -> Formatting.None;
      case "Formatting.Indented" -> Formatting.Indented;
      case "StringSplitOptions.None" -> 0;
      case "StringSplitOptions.RemoveEmptyEntries" -> 1;
      case "StringSplitOptions.TrimEntries" -> 2;
      case "Guid.Empty" -> CsGuid.EMPTY;
      default -> null;
    };
    if (v == null && t == STRING_COMPARISON) {
      v = comparison(name);
    }
    if (v == null && t == JTOKEN_TYPE) {
      v = tokenType(name);
    }
    if (v != null) {
      CsType type = switch (t.name) {
        case "Formatting", "StringSplitOptions", "StringComparison", "Guid", "int", "long", "JTokenType", "DateTime" -> t;
        default -> CsType.STRING;
      };
      return Bound.constant(pos, type, v);
    }
    if (t == DATETIME) {
      switch (name) {
        case "UtcNow" -> {
          return Bound.of(pos, DATETIME, f -> CsDateTime.utcNow(f.context.now()));
        }
        case "Now" -> {
          return Bound.of(pos, DATETIME, f -> CsDateTime.now(f.context.now()));
        }
        case "Today" -> {
          return Bound.of(pos, DATETIME, f -> CsDateTime.today(f.context.now()));
        }
        case "MinValue" -> {
          return Bound.constant(pos, DATETIME, CsDateTime.MIN_VALUE);
        }
        case "MaxValue" -> {
          return Bound.constant(pos, DATETIME, CsDateTime.MAX_VALUE);
        }
        default -> { }
      }
    }
    throw unknownMember(t, name, pos, List.of("Empty", "MaxValue", "MinValue", "UtcNow", "Now", "None", "Indented"));
  }

  private Bound instanceProperty(Bound target, String name) {
    CsType t = target.type;
    if (t.kind == CsType.Kind.ANONYMOUS) {
      return AnonymousTypes.member(target, name);
    }
    if (t.kind == CsType.Kind.GROUPING && name.equals("Key")) {
      Eval te = target.eval;
      return Bound.of(target.pos, t.b, f -> ((Linq.Grouping) Values.requireNonNull(te.eval(f))).key);
    }
    Bound utility = UtilityTypes.instanceProperty(target, name);
    if (utility != null) {
      return utility;
    }
    if (t == CONTEXT) {
      return switch (name) {
        case "Request" -> prop(target, REQUEST, PolicyContext.class, PolicyContext::request);
        case "Response" -> prop(target, RESPONSE, PolicyContext.class, PolicyContext::response);
        case "Variables" -> dictionary(target, VARIABLES, PolicyContext.class, PolicyContext::variables,
            CsDictionary.Missing.NULL);
        case "Api" -> prop(target, API, PolicyContext.class, PolicyContext::api);
        case "Operation" -> prop(target, OPERATION, PolicyContext.class, PolicyContext::operation);
        case "Product" -> prop(target, PRODUCT, PolicyContext.class, PolicyContext::product);
        case "Subscription" -> prop(target, SUBSCRIPTION, PolicyContext.class, PolicyContext::subscription);
        case "User" -> prop(target, USER, PolicyContext.class, PolicyContext::user);
        case "Deployment" -> prop(target, DEPLOYMENT, PolicyContext.class, PolicyContext::deployment);
        case "LastError" -> prop(target, LAST_ERROR, PolicyContext.class, PolicyContext::lastError);
        case "RequestId" -> prop(target, GUID, PolicyContext.class, PolicyContext::requestId);
        case "Timestamp" -> prop(target, DATETIME, PolicyContext.class,
            c -> CsDateTime.utcNow(c.timestamp()));
        case "Tracing" -> prop(target, CsType.BOOL, PolicyContext.class, PolicyContext::tracing);
        default -> null;
      };
    }
    if (t == REQUEST) {
      return switch (name) {
        case "Method" -> prop(target, CsType.STRING, RequestContext.class, RequestContext::method);
        case "Url" -> prop(target, URL, RequestContext.class, RequestContext::url);
        case "OriginalUrl" -> prop(target, URL, RequestContext.class, RequestContext::originalUrl);
        case "Headers" -> dictionary(target, HEADERS, RequestContext.class, RequestContext::headers,
            CsDictionary.Missing.THROW);
        case "Body" -> prop(target, BODY, RequestContext.class, RequestContext::body);
        case "MatchedParameters" -> dictionary(target, STRING_MAP, RequestContext.class,
            RequestContext::matchedParameters, CsDictionary.Missing.THROW);
        case "IpAddress" -> prop(target, CsType.STRING, RequestContext.class, RequestContext::ipAddress);
        case "Certificate" -> prop(target, CertificateMembers.X509, RequestContext.class, RequestContext::certificate);
        default -> null;
      };
    }
    if (t == RESPONSE) {
      return switch (name) {
        case "StatusCode" -> prop(target, CsType.INT, ResponseContext.class, ResponseContext::statusCode);
        case "StatusReason" -> prop(target, CsType.STRING, ResponseContext.class, ResponseContext::statusReason);
        case "Headers" -> dictionary(target, HEADERS, ResponseContext.class, ResponseContext::headers,
            CsDictionary.Missing.THROW);
        case "Body" -> prop(target, BODY, ResponseContext.class, ResponseContext::body);
        default -> null;
      };
    }
    if (t == URL) {
      return switch (name) {
        case "Scheme" -> prop(target, CsType.STRING, UrlInfo.class, UrlInfo::scheme);
        case "Host" -> prop(target, CsType.STRING, UrlInfo.class, UrlInfo::host);
        case "Port" -> prop(target, CsType.INT, UrlInfo.class, UrlInfo::port);
        case "Path" -> prop(target, CsType.STRING, UrlInfo.class, UrlInfo::path);
        case "QueryString" -> prop(target, CsType.STRING, UrlInfo.class, UrlInfo::queryString);
        case "Query" -> dictionary(target, HEADERS, UrlInfo.class, UrlInfo::query, CsDictionary.Missing.THROW);
        default -> null;
      };
    }
    if (t == API) {
      return switch (name) {
        case "Id" -> prop(target, CsType.STRING, ApiInfo.class, ApiInfo::id);
        case "Name" -> prop(target, CsType.STRING, ApiInfo.class, ApiInfo::name);
        case "Path" -> prop(target, CsType.STRING, ApiInfo.class, ApiInfo::path);
        case "Revision" -> prop(target, CsType.STRING, ApiInfo.class, ApiInfo::revision);
        case "Version" -> prop(target, CsType.STRING, ApiInfo.class, ApiInfo::version);
        case "IsCurrentRevision" -> prop(target, CsType.BOOL, ApiInfo.class, ApiInfo::isCurrentRevision);
        case "ServiceUrl" -> prop(target, URL, ApiInfo.class, ApiInfo::serviceUrl);
        default -> null;
      };
    }
    if (t == OPERATION) {
      return switch (name) {
        case "Id" -> prop(target, CsType.STRING, OperationInfo.class, OperationInfo::id);
        case "Name" -> prop(target, CsType.STRING, OperationInfo.class, OperationInfo::name);
        case "Method" -> prop(target, CsType.STRING, OperationInfo.class, OperationInfo::method);
        case "UrlTemplate" -> prop(target, CsType.STRING, OperationInfo.class, OperationInfo::urlTemplate);
        default -> null;
      };
    }
    if (t == PRODUCT) {
      return switch (name) {
        case "Id" -> prop(target, CsType.STRING, ProductInfo.class, ProductInfo::id);
        case "Name" -> prop(target, CsType.STRING, ProductInfo.class, ProductInfo::name);
        case "State" -> prop(target, CsType.STRING, ProductInfo.class, ProductInfo::state);
        case "SubscriptionRequired" -> prop(target, CsType.BOOL, ProductInfo.class, ProductInfo::subscriptionRequired);
        case "ApprovalRequired" -> prop(target, CsType.BOOL, ProductInfo.class, ProductInfo::approvalRequired);
        case "SubscriptionLimit", "SubscriptionsLimit" -> prop(target, CsType.nullable(CsType.INT), ProductInfo.class,
            ProductInfo::subscriptionsLimit);
        default -> null;
      };
    }
    if (t == SUBSCRIPTION) {
      return switch (name) {
        case "Id" -> prop(target, CsType.STRING, SubscriptionInfo.class, SubscriptionInfo::id);
        case "Name" -> prop(target, CsType.STRING, SubscriptionInfo.class, SubscriptionInfo::name);
        case "Key" -> prop(target, CsType.STRING, SubscriptionInfo.class, SubscriptionInfo::key);
        case "PrimaryKey" -> prop(target, CsType.STRING, SubscriptionInfo.class, SubscriptionInfo::primaryKey);
        case "SecondaryKey" -> prop(target, CsType.STRING, SubscriptionInfo.class, SubscriptionInfo::secondaryKey);
        default -> null;
      };
    }
    if (t == USER) {
      return switch (name) {
        case "Id" -> prop(target, CsType.STRING, UserInfo.class, UserInfo::id);
        case "Email" -> prop(target, CsType.STRING, UserInfo.class, UserInfo::email);
        case "FirstName" -> prop(target, CsType.STRING, UserInfo.class, UserInfo::firstName);
        case "LastName" -> prop(target, CsType.STRING, UserInfo.class, UserInfo::lastName);
        case "Note" -> prop(target, CsType.STRING, UserInfo.class, UserInfo::note);
        default -> null;
      };
    }
    if (t == DEPLOYMENT) {
      return switch (name) {
        case "Region" -> prop(target, CsType.STRING, DeploymentInfo.class, DeploymentInfo::region);
        case "ServiceName" -> prop(target, CsType.STRING, DeploymentInfo.class, DeploymentInfo::serviceName);
        case "ServiceId" -> prop(target, CsType.STRING, DeploymentInfo.class, DeploymentInfo::serviceId);
        case "GatewayId" -> prop(target, CsType.STRING, DeploymentInfo.class, DeploymentInfo::gatewayId);
        default -> null;
      };
    }
    if (t == LAST_ERROR) {
      return switch (name) {
        case "Source" -> prop(target, CsType.STRING, LastError.class, LastError::source);
        case "Reason" -> prop(target, CsType.STRING, LastError.class, LastError::reason);
        case "Message" -> prop(target, CsType.STRING, LastError.class, LastError::message);
        case "Scope" -> prop(target, CsType.STRING, LastError.class, LastError::scope);
        case "Section" -> prop(target, CsType.STRING, LastError.class, LastError::section);
        case "Path" -> prop(target, CsType.STRING, LastError.class, LastError::path);
        case "PolicyId" -> prop(target, CsType.STRING, LastError.class, LastError::policyId);
        default -> null;
      };
    }
    if (t == JWT) {
      CsType type = switch (name) {
        case "Id", "Issuer", "Subject", "Algorithm", "Type" -> CsType.STRING;
        case "Audiences" -> STRING_ARRAY;
        case "ExpirationTime", "NotBefore", "IssuedAt" -> CsType.nullable(DATETIME);
        case "Claims" -> HEADERS;
        default -> null;
      };
      Function<Jwt, Object> g = switch (name) {
        case "Id" -> Jwt::id;
        case "Issuer" -> Jwt::issuer;
        case "Subject" -> Jwt::subject;
        case "Algorithm" -> Jwt::algorithm;
        case "Type" -> Jwt::type;
        case "Audiences" -> j -> j.audiences().toArray(String[]::new);
        case "ExpirationTime" -> Jwt::expirationTime;
        case "NotBefore" -> Jwt::notBefore;
        case "IssuedAt" -> Jwt::issuedAt;
        case "Claims" -> j -> CsDictionary.ofClaims(j.claims().asMap());
        default -> null;
      };
      return type == null ? null : prop(target, type, Jwt.class, g);
    }
    switch (t.kind) {
      case STRING -> {
        return name.equals("Length") ? prop(target, CsType.INT, String.class, String::length) : null;
      }
      case ARRAY -> {
        return name.equals("Length") ? prop(target, CsType.INT, Object.class, Arrays2::length) : null;
      }
      case LIST -> {
        return name.equals("Count") ? prop(target, CsType.INT, List.class, List::size) : null;
      }
      case DICT -> {
        return switch (name) {
          case "Count" -> prop(target, CsType.INT, CsDictionary.class, CsDictionary::count);
          case "Keys" -> prop(target, CsType.seq(t.a), CsDictionary.class, CsDictionary::keys);
          case "Values" -> prop(target, CsType.seq(t.b), CsDictionary.class, CsDictionary::values);
          default -> null;
        };
      }
      case KVP -> {
        return switch (name) {
          case "Key" -> prop(target, t.a, Map.Entry.class, Map.Entry::getKey);
          case "Value" -> prop(target, t.b, Map.Entry.class, Map.Entry::getValue);
          default -> null;
        };
      }
      default -> { }
    }
    if (t == DATETIME) {
      Function<CsDateTime, Object> g = switch (name) {
        case "Year" -> CsDateTime::year;
        case "Month" -> CsDateTime::month;
        case "Day" -> CsDateTime::day;
        case "Hour" -> CsDateTime::hour;
        case "Minute" -> CsDateTime::minute;
        case "Second" -> CsDateTime::second;
        case "Millisecond" -> CsDateTime::millisecond;
        case "DayOfYear" -> CsDateTime::dayOfYear;
        default -> null;
      };
      if (g != null) {
        return prop(target, CsType.INT, CsDateTime.class, g);
      }
      return switch (name) {
        case "Ticks" -> prop(target, CsType.LONG, CsDateTime.class, CsDateTime::ticks);
        case "Date" -> prop(target, DATETIME, CsDateTime.class, CsDateTime::date);
        case "Kind" -> prop(target, DATETIME_KIND, CsDateTime.class, CsDateTime::kind);
        default -> null;
      };
    }
    if (t == JPROPERTY) {
      return switch (name) {
        case "Name" -> prop(target, CsType.STRING, JProperty.class, JProperty::name);
        case "Value" -> prop(target, JTOKEN, JProperty.class, JProperty::value);
        default -> null;
      };
    }
    if (Conversions.isJToken(t)) {
      return switch (name) {
        case "Count" -> t == JTOKEN || t == JVALUE ? null : prop(target, CsType.INT, JContainer.class, JContainer::count);
        case "HasValues" -> prop(target, CsType.BOOL, JToken.class, JToken::hasValues);
        case "Type" -> prop(target, JTOKEN_TYPE, JToken.class, JToken::type);
        case "Parent" -> prop(target, CsType.cls("JContainer"), JToken.class, JToken::parent);
        case "First" -> prop(target, JTOKEN, JToken.class, JToken::first);
        case "Last" -> prop(target, JTOKEN, JToken.class, JToken::last);
        case "Next" -> prop(target, JTOKEN, JToken.class, JToken::next);
        case "Path" -> prop(target, CsType.STRING, JToken.class, JToken::path);
        default -> null;
      };
    }
    if (t.name.endsWith("Exception") && name.equals("Message")) {
      return prop(target, CsType.STRING, CsException.class, CsException::message);
    }
    return null;
  }

  // ---- indexers ----

  Bound index(Bound target, List<Bound> args, int pos) {
    CsType t = target.type;
    if (args.size() != 1) {
      throw new CompileError(pos, "wrong number of indices inside []");
    }
    Bound key = args.get(0);
    Eval te = target.eval;
    if (t.kind == CsType.Kind.STRING) {
      Eval k = Conversions.implicit(key, CsType.INT, key.pos);
      return Bound.of(pos, CsType.CHAR, f -> {
        String s = (String) Values.requireNonNull(te.eval(f));
        int i = (Integer) k.eval(f);
        if (i < 0 || i >= s.length()) {
          throw new CsException("IndexOutOfRangeException", "Index was outside the bounds of the array.");
        }
        return s.charAt(i);
      });
    }
    if (t.kind == CsType.Kind.ARRAY) {
      Eval k = Conversions.implicit(key, CsType.INT, key.pos);
      Bound b = Bound.of(pos, t.a, f -> Arrays2.get(Values.requireNonNull(te.eval(f)), k.eval(f)));
      b.store = (f, v) -> Arrays2.set(Values.requireNonNull(te.eval(f)), (Integer) k.eval(f), v);
      return b;
    }
    if (t.kind == CsType.Kind.LIST) {
      Eval k = Conversions.implicit(key, CsType.INT, key.pos);
      return Bound.of(pos, t.a, f -> {
        List<?> l = (List<?>) Values.requireNonNull(te.eval(f));
        int i = (Integer) k.eval(f);
        if (i < 0 || i >= l.size()) {
          throw new CsException("ArgumentOutOfRangeException", "Index was out of range. Must be non-negative and less"
              + " than the size of the collection. (Parameter 'index')");
        }
        return l.get(i);
      });
    }
    if (t == GROUPS) {
      boolean byName = key.type == CsType.STRING;
      Eval k = byName ? key.eval : Conversions.implicit(key, CsType.INT, key.pos);
      return Bound.of(pos, GROUP, f -> {
        io.gatehouse.engine.expr.runtime.CsGroupCollection g =
            (io.gatehouse.engine.expr.runtime.CsGroupCollection) Values.requireNonNull(te.eval(f));
        return byName ? g.get((String) k.eval(f)) : g.get((Integer) k.eval(f));
      });
    }
    if (t.kind == CsType.Kind.DICT && target.backing != null) {
      Eval k = Conversions.implicit(key, t.a, key.pos);
      Eval c = target.backing;
      CsDictionary.Missing missing = target.missing;
      Bound b = Bound.of(pos, t.b, f -> CsDictionary.get(c.eval(f), (String) k.eval(f), missing));
      b.store = (f, v) -> ((CsDictionary) Values.requireNonNull(te.eval(f))).set((String) k.eval(f), v);
      return b;
    }
    if (t.kind == CsType.Kind.DICT) {
      Eval k = Conversions.implicit(key, t.a, key.pos);
      Bound b = Bound.of(pos, t.b, f -> ((CsDictionary) Values.requireNonNull(te.eval(f))).get((String) k.eval(f)));
      b.store = (f, v) -> ((CsDictionary) Values.requireNonNull(te.eval(f))).set((String) k.eval(f), v);
      return b;
    }
    if (Conversions.isJToken(t) || t == JPROPERTY) {
      if (key.type != CsType.STRING && !key.type.isIntegral() && key.type != CsType.OBJECT) {
        throw new CompileError(key.pos, "cannot convert %s to a JToken key", key.type.name);
      }
      Eval k = key.type.isIntegral() ? Conversions.implicit(key, CsType.INT, key.pos) : key.eval;
      Bound b = Bound.of(pos, JTOKEN, f -> ((JToken) Values.requireNonNull(te.eval(f))).get(k.eval(f)));
      b.store = (f, v) -> ((JToken) Values.requireNonNull(te.eval(f))).set(k.eval(f), v);
      return b;
    }
    throw new CompileError(pos, "cannot apply indexing with [] to an expression of type %s", t.name);
  }

  // ---- constructors ----

  Bound construct(CsType type, List<Arg> args, List<Expr> init, int pos) {
    Bound made = constructBare(type, args, pos);
    return init == null ? made : Collections.initialize(binder, made, init);
  }

  private Bound constructBare(CsType type, List<Arg> args, int pos) {
    List<Bound> bound = new ArrayList<>();
    for (Arg a : args) {
      bound.add(binder.value(a.value()));
    }
    if (type == JOBJECT || type == JARRAY) {
      Eval[] items = evals(bound, CsType.OBJECT);
      boolean obj = type == JOBJECT;
      return Bound.of(pos, type, f -> {
        Object[] content = new Object[items.length];
        for (int i = 0; i < items.length; i++) {
          content[i] = items[i].eval(f);
        }
        return obj ? new JObject(content) : new JArray(content);
      });
    }
    if (type == JPROPERTY) {
      if (bound.size() != 2) {
        throw new CompileError(pos, "JProperty takes a name and a value");
      }
      Eval n = Conversions.implicit(bound.get(0), CsType.STRING, bound.get(0).pos);
      Eval v = bound.get(1).eval;
      return Bound.of(pos, JPROPERTY, f -> new JProperty((String) Values.requireNonNull(n.eval(f)), v.eval(f)));
    }
    Bound utility = UtilityTypes.construct(type, bound, pos);
    if (utility != null) {
      return utility;
    }
    if (type.name.endsWith("Exception")) {
      Eval m = bound.isEmpty() ? f -> "Exception of type 'System." + type.name + "' was thrown."
          : Conversions.implicit(bound.get(0), CsType.STRING, bound.get(0).pos);
      return Bound.of(pos, type, f -> CsException.of(type.name, (String) m.eval(f)));
    }
    throw new CompileError(pos, "cannot create an instance of %s in a policy expression", type.name);
  }

  private Eval[] evals(List<Bound> bound, CsType type) {
    Eval[] out = new Eval[bound.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Conversions.implicit(bound.get(i), type, bound.get(i).pos);
    }
    return out;
  }

  // ---- calls ----

  Bound call(Bound target, String name, List<CsType> typeArgs, List<Arg> args, int pos) {
    List<Bound> bound = new ArrayList<>();
    for (Arg a : args) {
      if ("out".equals(a.modifier())) {
        bound.add(Bound.of(a.pos(), CsType.OUT, null));
        continue;
      }
      if (a.modifier() != null) {
        throw new CompileError(a.pos(), "%s arguments are not supported", a.modifier());
      }
      Bound b = binder.bind(a.value());
      if (b.typeRef != null || b.namespace != null) {
        binder.value(a.value());
      }
      bound.add(b);
    }
    Calls calls = new Calls(binder, target, name, typeArgs, args, bound, pos);
    Bound result = calls.bind();
    if (result == null) {
      CsType t = target.typeRef != null ? target.typeRef : target.type;
      if (target.typeRef == null && target.isValue() && instanceProperty(target, name) != null) {
        throw new CompileError(pos, "%s is a property of %s and cannot be used as a method (C# CS1955)", name,
            t.name);
      }
      throw new CompileError(pos, "%s has no method %s taking %s argument(s)", t.name, name,
          String.valueOf(args.size()));
    }
    return result;
  }
}

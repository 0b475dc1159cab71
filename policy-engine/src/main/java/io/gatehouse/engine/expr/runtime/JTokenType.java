package io.gatehouse.engine.expr.runtime;

/** {@code Newtonsoft.Json.Linq.JTokenType}; ordinals and names match Newtonsoft 13. */
public enum JTokenType {
  None, Object, Array, Constructor, Property, Comment, Integer, Float, String, Boolean, Null, Undefined, Date, Raw,
  Bytes, Guid, Uri, TimeSpan
}

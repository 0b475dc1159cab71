package io.gatehouse.engine.context;

import java.time.Instant;
import java.util.List;

/** {@code context.User}. */
public record UserInfo(
    String id,
    String email,
    String firstName,
    String lastName,
    String note,
    Instant registrationDate,
    List<GroupInfo> groups) {}

package io.steward.tools.city;

/** A parent or guardian of a youth; {@code email} and {@code phone} may be null. */
public record Guardian(String name, String relationship, String email, String phone) {}

package io.steward.tools.city;

/** An organization as {@code POST /organizations} takes it. */
public record Org(String code, String name, String type) {}

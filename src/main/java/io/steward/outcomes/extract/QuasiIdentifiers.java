package io.steward.outcomes.extract;

/**
 * The quasi-identifiers of one extract row: grade level ({@code PK}, {@code K}, {@code 1} to {@code
 * 12}), school code (may be null) and birth year. Generalized values are labels such as {@code
 * 6-8}, {@code 2012-2013} or {@code *}.
 */
public record QuasiIdentifiers(String gradeLevel, String schoolCode, String birthYear) {}

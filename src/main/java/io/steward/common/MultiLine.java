package io.steward.common;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Marks a free-text field of a request (an incident's description) that may hold tabs and line
 * breaks; every other text field refuses all control characters ({@link Text}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {}

package io.encours.api.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record component whose elements are the rows of the CSV rendering, for a response
 * with several arrays (e.g. meta: {@code tables}). Without it, CSV uses {@code rows}, else
 * {@code points}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface CsvRows {
}

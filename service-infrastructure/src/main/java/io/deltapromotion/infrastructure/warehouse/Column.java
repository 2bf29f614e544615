package io.deltapromotion.infrastructure.warehouse;

/**
 * One column of a table version, as Delta's transaction log records it.
 *
 * @param name the column name, case preserved
 * @param type the Spark SQL type, lower case, e.g. {@code bigint}, {@code decimal(10,2)},
 *     {@code struct<id:bigint not null,tags:array<string>>}
 * @param nullable whether the column accepts nulls ({@code false} for {@code NOT NULL} columns)
 * @param comment the column comment, or null
 */
public record Column(String name, String type, boolean nullable, String comment) {}

package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;

/** One version of a table (of the ladder's first stage, or of a baseline schema for a rebaseline). */
public record TableVersion(TableName source, long version) {}

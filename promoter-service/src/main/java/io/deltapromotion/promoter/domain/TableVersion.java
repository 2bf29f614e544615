package io.deltapromotion.promoter.domain;

import io.deltapromotion.infrastructure.warehouse.TableName;

/** One version of a table of the ladder's first stage. */
public record TableVersion(TableName source, long version) {}

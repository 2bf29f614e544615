package io.deltapromotion.registryservice.domain;

/** The newest outcome of one promotion's hop of one table into one stage. */
public record HopStatus(String table, String stage, StageOutcome latest) {}

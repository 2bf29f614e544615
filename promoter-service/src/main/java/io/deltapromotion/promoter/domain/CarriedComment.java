package io.deltapromotion.promoter.domain;

import java.util.Optional;

/**
 * A source version's table comment as the version's events carried it (the detector reads it with the
 * version's schema; QC passes it on): the promoter writes it into its clones without reading it again.
 *
 * @param text the comment; null when the version has none
 */
public record CarriedComment(String text) {

  public Optional<String> comment() {
    return Optional.ofNullable(text).filter(comment -> !comment.isBlank());
  }
}

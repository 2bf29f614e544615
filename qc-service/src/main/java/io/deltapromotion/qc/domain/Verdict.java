package io.deltapromotion.qc.domain;

/** A check's or a report's verdict, from best to worst. */
public enum Verdict {
  PASS,
  WARN,
  FAIL;

  public Verdict worse(Verdict other) {
    return compareTo(other) >= 0 ? this : other;
  }
}

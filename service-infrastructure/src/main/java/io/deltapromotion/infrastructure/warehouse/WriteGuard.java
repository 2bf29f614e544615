package io.deltapromotion.infrastructure.warehouse;

/**
 * Asked right before every statement that writes a table (a clone, the emptying before one, a restore, a
 * drop, a comment; not the services' own record tables). A service that must stop writing a table the
 * moment it stops owning it (the promoter, when several instances run) answers by throwing; the statement
 * is then not sent. Checking before each statement, not once per operation, is what keeps an instance
 * frozen between the two statements of a clone on open-source Delta from sending the second one.
 */
@FunctionalInterface
public interface WriteGuard {

  /** No check: a service that runs alone, or writes nothing that others could write too. */
  WriteGuard NONE = table -> { };

  /** @throws RuntimeException when the table must not be written by this instance now */
  void beforeWriting(TableName table);
}

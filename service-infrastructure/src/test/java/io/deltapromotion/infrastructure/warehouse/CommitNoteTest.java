package io.deltapromotion.infrastructure.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommitNoteTest {

  @Test
  void givenANoteWhenWrittenAndReadBackThenItIsTheSame() {
    CommitNote note = new CommitNote(CommitNote.Action.EMPTY_BEFORE_CLONE, "3f0c2a1e-9d7b-4c7e-8a55-0a1b2c3d4e5f");

    assertThat(note.text()).isEqualTo("delta-promotion:empty-before-clone:3f0c2a1e-9d7b-4c7e-8a55-0a1b2c3d4e5f");
    assertThat(CommitNote.parse(note.text())).contains(note);
  }

  @Test
  void givenUserMetadataSomeoneElseWroteWhenParsedThenItIsNotOurs() {
    assertThat(CommitNote.parse("nightly load")).isEmpty();
    assertThat(CommitNote.parse("delta-promotion:teleport:p-1")).isEmpty();
    assertThat(CommitNote.parse(null)).isEmpty();
  }

  @Test
  void givenAnIdThatCouldEscapeTheSetStatementWhenNotedThenItIsRefused() {
    assertThatThrownBy(() -> new CommitNote(CommitNote.Action.PROMOTE, "x; DROP TABLE y"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

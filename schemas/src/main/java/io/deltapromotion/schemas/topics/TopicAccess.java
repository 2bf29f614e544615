package io.deltapromotion.schemas.topics;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who may write and who may read one topic: what the broker's ACLs grant, nothing more.
 *
 * @param owner the principal the topic belongs to (its events are that principal's decisions)
 * @param otherWriters principals that also publish to it (none for every topic but the pipelines' input)
 * @param readers principals that consume it
 */
public record TopicAccess(Principal owner, Set<Principal> otherWriters, Set<Principal> readers) {

  public TopicAccess {
    Objects.requireNonNull(owner, "owner");
    otherWriters = Set.copyOf(otherWriters);
    readers = Set.copyOf(readers);
    if (otherWriters.contains(owner)) {
      throw new IllegalArgumentException(owner + " owns the topic; it is not one of its other writers");
    }
  }

  /** A topic only its owner writes and nobody reads yet. */
  public static TopicAccess ownedBy(Principal owner) {
    return new TopicAccess(owner, Set.of(), Set.of());
  }

  public TopicAccess alsoWrittenBy(Principal... writers) {
    return new TopicAccess(owner, union(otherWriters, writers), readers);
  }

  public TopicAccess readBy(Principal... consumers) {
    return new TopicAccess(owner, otherWriters, union(readers, consumers));
  }

  /** The owner and the other writers. */
  public Set<Principal> writers() {
    return union(otherWriters, owner);
  }

  private static Set<Principal> union(Set<Principal> set, Principal... more) {
    EnumSet<Principal> all = EnumSet.noneOf(Principal.class);
    all.addAll(set);
    Stream.of(more).map(Objects::requireNonNull).forEach(all::add);
    return Set.copyOf(all);
  }
}

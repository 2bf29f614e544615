package io.deltapromotion.stack;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The annotated test class talks to these servers of the local stack. Before its tests run, each is
 * reused if it already answers at its port (say, after {@code bin/stack up}), or started fresh under
 * {@code target/local-stack} and stopped, by PID, when the test run ends. Tests read the endpoints from
 * {@link LocalStackExtension#settings()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalStackExtension.class)
public @interface RequiresLocalStack {
  Component[] value();
}

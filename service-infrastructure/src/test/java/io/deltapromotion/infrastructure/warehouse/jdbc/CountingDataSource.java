package io.deltapromotion.infrastructure.warehouse.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Wraps a DataSource and counts the SQL statements executed through it: what the warehouse is asked to
 * run, failed statements included (a round trip all the same), in the order they ran.
 */
public final class CountingDataSource {

  private final List<String> executed = new ArrayList<>();
  private final DataSource counting;

  public CountingDataSource(DataSource target) {
    counting = proxy(DataSource.class, target, (method, args, call) -> method.equals("getConnection")
        ? proxy(Connection.class, (Connection) call.run(), (m, a, c) -> m.equals("createStatement")
            ? proxy(Statement.class, (Statement) c.run(), (sm, sa, sc) -> {
              if (sm.startsWith("execute") && sa != null && sa.length > 0 && sa[0] instanceof String sql) {
                synchronized (executed) {
                  executed.add(sql);
                }
              }
              return sc.run();
            }) : c.run())
        : call.run());
  }

  public DataSource dataSource() {
    return counting;
  }

  public long statements() {
    synchronized (executed) {
      return executed.size();
    }
  }

  /** The statements run since the last reset, in order. */
  public List<String> executed() {
    synchronized (executed) {
      return List.copyOf(executed);
    }
  }

  /** What the statements run since the last reset were, in order. */
  public List<StatementKind> executedKinds() {
    return executed().stream().map(StatementKind::of).toList();
  }

  public void reset() {
    synchronized (executed) {
      executed.clear();
    }
  }

  private interface Call {
    Object run() throws Throwable;
  }

  private interface Around {
    Object apply(String method, Object[] args, Call call) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, Around around) {
    InvocationHandler handler = (self, method, args) -> around.apply(method.getName(), args, () -> {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }
}

package io.deltapromotion.infrastructure.warehouse.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/** Wraps a DataSource and counts the SQL statements executed through it: what the warehouse is asked to run. */
public final class CountingDataSource {

  private final AtomicLong statements = new AtomicLong();
  private final DataSource counting;

  public CountingDataSource(DataSource target) {
    counting = proxy(DataSource.class, target, (method, result) -> method.equals("getConnection")
        ? proxy(Connection.class, (Connection) result, (m, r) -> m.equals("createStatement")
            ? proxy(Statement.class, (Statement) r, (sm, sr) -> {
              if (sm.startsWith("execute")) {
                statements.incrementAndGet();
              }
              return sr;
            }) : r)
        : result);
  }

  public DataSource dataSource() {
    return counting;
  }

  public long statements() {
    return statements.get();
  }

  public void reset() {
    statements.set(0);
  }

  private interface AfterCall {
    Object apply(String method, Object result);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, AfterCall after) {
    InvocationHandler handler = (self, method, args) -> {
      try {
        return after.apply(method.getName(), method.invoke(target, args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }
}

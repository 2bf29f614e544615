package io.deltapromotion.infrastructure.warehouse.jdbc;

import io.deltapromotion.stack.LocalStackExtension;
import java.util.List;
import java.util.UUID;

/** Test fixture: raw SQL against the local lakehouse, to build the tables the tests read. */
final class Lakehouse {

  final JdbcUrlDataSource dataSource =
      new JdbcUrlDataSource(LocalStackExtension.settings().lakehouseJdbcUrl(), null, null);

  /** A fresh schema name, so test runs never see each other's tables. */
  static String freshSchema(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  void execute(String... statements) {
    LakehouseSql.execute(dataSource, statements);
  }

  List<List<String>> rows(String sql) {
    return LakehouseSql.rows(dataSource, sql);
  }

  long count(String table) {
    return LakehouseSql.count(dataSource, table);
  }
}

package io.deltapromotion.demo;

/** The demo's pre-prod writes: each call commits new versions and returns the table's newest version. */
final class DemoTables {

  private static final String ORDERS = Demo.PREPROD + ".orders";
  private static final String CUSTOMERS = Demo.PREPROD + ".customers";
  private static final String PAYMENTS = Demo.PREPROD + ".payments";

  private DemoTables() {}

  /** A clean table: unique, non-null keys. */
  static long writeOrders(Lakehouse lakehouse) {
    if (!lakehouse.tableExists(Demo.PREPROD, "orders")) {
      lakehouse.execute("CREATE TABLE " + ORDERS + " USING DELTA AS SELECT * FROM VALUES "
          + "(1, 'alice', 12.50), (2, 'bob', 7.25), (3, 'carol', 30.00) AS t(order_id, customer, amount)");
    } else {
      long next = nextId(lakehouse, ORDERS, "order_id");
      lakehouse.execute("INSERT INTO " + ORDERS + " VALUES (" + next + ", 'dave', 5.00), (" + (next + 1) + ", 'erin', 9.90)");
    }
    return lakehouse.latestVersion(ORDERS);
  }

  /** A table whose schema grows later (see {@link #addCustomerColumn}). */
  static long writeCustomers(Lakehouse lakehouse) {
    if (!lakehouse.tableExists(Demo.PREPROD, "customers")) {
      lakehouse.execute("CREATE TABLE " + CUSTOMERS + " USING DELTA AS SELECT * FROM VALUES "
          + "(1, 'alice'), (2, 'bob') AS t(customer_id, name)");
    } else {
      long next = nextId(lakehouse, CUSTOMERS, "customer_id");
      lakehouse.execute("INSERT INTO " + CUSTOMERS + " (customer_id, name) VALUES (" + next + ", 'frank')");
    }
    return lakehouse.latestVersion(CUSTOMERS);
  }

  /** Adds a nullable column (additive: compatible) and a row that fills it, in one commit each. */
  static long addCustomerColumn(Lakehouse lakehouse) {
    long added = lakehouse.column("DESCRIBE " + CUSTOMERS).stream().filter(name -> name.startsWith("segment")).count();
    String column = "segment" + (added == 0 ? "" : "_" + (added + 1));
    lakehouse.execute("ALTER TABLE " + CUSTOMERS + " ADD COLUMNS (" + column + " STRING)");
    long next = nextId(lakehouse, CUSTOMERS, "customer_id");
    lakehouse.execute("INSERT INTO " + CUSTOMERS + " (customer_id, name, " + column + ") VALUES (" + next + ", 'grace', 'gold')");
    return lakehouse.latestVersion(CUSTOMERS);
  }

  /** Every write repeats a payment id: the duplicate-key gate must block it. */
  static long writePaymentsWithDuplicateKeys(Lakehouse lakehouse) {
    if (!lakehouse.tableExists(Demo.PREPROD, "payments")) {
      lakehouse.execute("CREATE TABLE " + PAYMENTS + " USING DELTA AS SELECT * FROM VALUES "
          + "(100, 12.50), (101, 7.25), (101, 7.25) AS t(payment_id, amount)");
    } else {
      lakehouse.execute("INSERT INTO " + PAYMENTS + " VALUES (100, 1.00)");
    }
    return lakehouse.latestVersion(PAYMENTS);
  }

  private static long nextId(Lakehouse lakehouse, String table, String column) {
    return Long.parseLong(lakehouse.column("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table).get(0));
  }
}

package io.deltapromotion.infrastructure.warehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltapromotion.infrastructure.warehouse.WarehouseException;
import io.deltapromotion.infrastructure.warehouse.WarehouseUnavailableException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** The driver errors seen on the local lakehouse, read as outages or as the warehouse's answers. */
class WarehouseErrorsTest {

  @Test
  void givenTheConnectionBrokenMidStatementThenItIsAnOutage() {
    SQLException dropped = new SQLException("org.apache.kyuubi.shaded.thrift.transport.TTransportException: "
        + "Socket is closed by peer.", "08S01");

    assertThat(WarehouseErrors.translate(dropped, "clone a to b", "CREATE OR REPLACE ..."))
        .isInstanceOf(WarehouseUnavailableException.class)
        .hasMessageContaining("clone a to b failed");
  }

  @Test
  void givenThePoolTimingOutWithoutSqlStateThenItIsAnOutage() {
    SQLException poolTimeout = new SQLTransientConnectionException("warehouse - Connection is not available, "
        + "request timed out after 30000ms");

    assertThat(WarehouseErrors.translate(poolTimeout, "read", "DESCRIBE HISTORY x"))
        .isInstanceOf(WarehouseUnavailableException.class);
  }

  @Test
  void givenASocketFailureUnderAnUnclassifiedDriverErrorThenItIsAnOutage() {
    SQLException wrapped = new SQLException("Error running query", null, new SocketException("Broken pipe"));

    assertThat(WarehouseErrors.translate(wrapped, "read", "SELECT 1")).isInstanceOf(WarehouseUnavailableException.class);
  }

  @Test
  void givenTheWarehouseRefusingAStatementThenItIsARefusalWithItsText() {
    SQLException refused = new SQLException("Error running query: [DELTA_UNSUPPORTED_NON_EMPTY_CLONE] the target "
        + "is not empty", "42000");

    assertThat(WarehouseErrors.translate(refused, "clone a to b", "CREATE OR REPLACE ..."))
        .isExactlyInstanceOf(WarehouseException.class)
        .hasMessageContaining("DELTA_UNSUPPORTED_NON_EMPTY_CLONE");
  }

  @Test
  void givenAMissingTableThenItIsTableNotFoundNotAnOutage() {
    SQLException missing = new SQLException("[TABLE_OR_VIEW_NOT_FOUND] The table or view `a`.`b` cannot be found", "42P01");

    assertThat(WarehouseErrors.translate(missing, "read", "DESCRIBE HISTORY a.b"))
        .isInstanceOf(WarehouseException.TableNotFound.class);
  }
}

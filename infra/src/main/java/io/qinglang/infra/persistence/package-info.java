/** JPA persistence (EclipseLink), tenant isolation on connections and entity managers, migrations. */
package io.qinglang.infra.persistence;

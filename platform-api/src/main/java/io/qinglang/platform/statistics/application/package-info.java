/** Publishing a tenant's statistics for a closed period, the same numbers for the portal, the API and reports. */
package io.qinglang.platform.statistics.application;

/** Staff of a tenant: invitations, roles, deactivation, departments. */
package io.qinglang.admin.staff.application;

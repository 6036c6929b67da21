/** The staff administration API. */
package io.qinglang.admin.staff.web;

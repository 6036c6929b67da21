/** The admin API of disclosure reports. */
package io.qinglang.admin.disclosure.web;

/** Console sessions kept on the server, and who may open one. */
package io.qinglang.admin.console.application;

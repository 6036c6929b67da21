/** The exports API for a body's admins, and for the operator once the body is suspended. */
package io.qinglang.admin.export.web;

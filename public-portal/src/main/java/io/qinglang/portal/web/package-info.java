/** The public pages: server-rendered FreeMarker templates (auto-escaped), in zh-CN and English. */
package io.qinglang.portal.web;

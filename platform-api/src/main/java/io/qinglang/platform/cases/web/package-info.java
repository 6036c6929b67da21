/** REST resources of cases: public intake and receipt tracking. */
package io.qinglang.platform.cases.web;

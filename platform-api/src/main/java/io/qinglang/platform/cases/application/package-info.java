/** Application services of cases: public intake and receipt tracking. */
package io.qinglang.platform.cases.application;

/** Cases: reports and complaints, their timelines, evidence and the reporter's secrets. */
package io.qinglang.platform.cases.domain;

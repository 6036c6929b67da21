/** Outgoing e-mail over SMTP (Jakarta Mail, Eclipse Angus). */
package io.qinglang.infra.mail;

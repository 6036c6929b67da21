package io.qinglang.platform.tenants.domain;

/** How a report reaches the tenant. Only {@link #WEB} channels take reports through the public intake API. */
public enum ChannelKind { WEB, APP, HOTLINE, EMAIL, POST, IN_PERSON, TRANSFER_IN }

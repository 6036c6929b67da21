-- The disclosure tables' keys lead with tenant_id, as those of every other tenant-owned table do, so that the schema can
-- be distributed by tenant (docs/scaling.md; SchemaDistributionIT reads every table's keys from the catalogue). V019
-- gave a report the primary key (id), with (tenant_id, id) unique beside it for its files' foreign key, and a file the
-- primary key (report_id, edition). Now (tenant_id, id) is the report's primary key, which the files' foreign key
-- references, and (tenant_id, report_id, edition) the file's. Existing rows fit: a report's id was unique on its own,
-- and so was a file's report and edition. One transaction: the keys change together or not at all.
alter table disclosure_documents
    drop constraint disclosure_documents_tenant_id_report_id_fkey,
    drop constraint disclosure_documents_pkey,
    add primary key (tenant_id, report_id, edition);

alter table disclosure_reports
    drop constraint disclosure_reports_pkey,
    drop constraint disclosure_reports_tenant_id_id_key,
    add primary key (tenant_id, id);

alter table disclosure_documents
    add constraint disclosure_documents_tenant_id_report_id_fkey
        foreign key (tenant_id, report_id) references disclosure_reports (tenant_id, id);

"""The whole assessment as one Excel workbook for analysis (Excel, Power BI): one table per sheet.

`builder` makes the workbook model (`model`) from the data the brief reads, `xlsx` writes it, and
`export.export_workbook` does both safely. Above the brief in the layers: it reuses `brief.data.collect`
(one unit of work, and the brief's rule for content marked sensitive).
"""

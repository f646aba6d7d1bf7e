"""The dialogs: plan properties, departments, glossary, audit, Excel, PDF, inquiry, versions and comparison, bars, gallery, about."""

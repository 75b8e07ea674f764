"""Presentation: views, charts, tables, and the HTML and PDF reports.

from implementatie.report import assessment_report, comparison_report, html_to_pdf
"""

from implementatie.report.documents import assessment_report, comparison_report
from implementatie.report.notebook import View
from implementatie.report.pdf import html_to_pdf

__all__ = ["View", "assessment_report", "comparison_report", "html_to_pdf"]

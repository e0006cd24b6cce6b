"""A receipt for a paid order as a PDF, in the language the buyer checked out in: the order
number, date of payment, each work with its artist, quantity and amounts, shipping, the total
and currency, what was refunded, and the organisation's details and tax note from
**Settings → Receipts**.

fpdf2 draws it: pure Python, installed from PyPI alone (no system libraries, unlike
WeasyPrint's Pango and Cairo), and it embeds a TrueType font, so Cyrillic and the Tajik
letters (ҳ қ ғ ҷ ӣ ӯ) print; the font is DejaVu Sans from `SHOP_RECEIPT_FONT_DIR`."""

from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from fpdf import FPDF

from .models import Order, ReceiptSettings
from .money import money_format

FONT = "DejaVu"
WIDTHS = (80, 45, 15, 25, 25)  # work, artist, quantity, unit price, line total (mm)


def receipt_available(order: Order) -> bool:
    """Only an order that was paid has a receipt (a refunded one keeps it, with the refund)."""
    return order.paid_at is not None and (order.is_paid or order.status == Order.Status.REFUNDED)


def receipt_filename(order: Order) -> str:
    return f"receipt-{order.number}.pdf"


def receipt_pdf(order: Order) -> bytes:
    """The receipt of a paid order as PDF bytes, its words in the order's language."""
    with translation.override(order.language):
        return bytes(_draw(order, ReceiptSettings.load()).output())


def _money(amount: int, currency: str) -> str:
    return money_format(amount, currency).replace("\u202f", " ")


def _draw(order: Order, details: ReceiptSettings) -> FPDF:
    folder = Path(settings.SHOP_RECEIPT_FONT_DIR)
    pdf = FPDF(format="A4")
    pdf.set_title(_("Receipt for order %(number)s") % {"number": order.number})
    pdf.add_font(FONT, "", str(folder / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(folder / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.cell(0, 10, _("Receipt"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 10)
    paid = date_format(timezone.localtime(order.paid_at), "DATE_FORMAT")
    for label, value in (
        (_("Order number"), order.number),
        (_("Paid on"), paid),
        (_("Buyer"), order.name),
        (_("Payment"), str(order.get_payment_method_display())),
    ):
        pdf.cell(0, 6, f"{label}: {value}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(FONT, "B", 10)
    for width, text in zip(WIDTHS, (_("Work"), _("Artist"), _("Qty"), _("Price"), _("Amount")), strict=True):
        pdf.cell(width, 7, text, border="B")
    pdf.ln()
    pdf.set_font(FONT, "", 10)
    for line in order.lines.all():
        cells = (
            line.title[:48],
            line.artist_name[:26],
            str(line.quantity),
            _money(line.unit_price, order.currency),
            _money(line.line_total, order.currency),
        )
        for width, text in zip(WIDTHS, cells, strict=True):
            pdf.cell(width, 7, text)
        pdf.ln()
    pdf.ln(2)
    rows = [(_("Works"), order.subtotal), (_("Shipping"), order.shipping_fee), (_("Total paid"), order.total)]
    if order.refunded_amount:
        rows.append((_("Refunded"), order.refunded_amount))
    for label, amount in rows:
        pdf.set_font(FONT, "B" if label == _("Total paid") else "", 10)
        pdf.cell(sum(WIDTHS[:4]), 7, f"{label} ({order.currency})", align="R")
        pdf.cell(WIDTHS[4], 7, _money(amount, order.currency), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font(FONT, "", 9)
    if details.issuer_details:
        pdf.multi_cell(0, 5, f"{_('Issued by')}:\n{details.issuer_details}", new_x="LMARGIN", new_y="NEXT")
    note = details.tax_note(order.language)
    if note:
        pdf.ln(2)
        pdf.multi_cell(0, 5, note, new_x="LMARGIN", new_y="NEXT")
    return pdf

"""The buyer downloads the receipt of her paid order by its secret link."""

from django.http import Http404, HttpResponse

from ..receipts import receipt_available, receipt_filename, receipt_pdf
from ..selectors import order_get_by_token


def order_receipt(request, token):
    """The receipt as a PDF file; a 404 for an unknown link or an order not paid."""
    order = order_get_by_token(token)
    if order is None or not receipt_available(order):
        raise Http404
    response = HttpResponse(receipt_pdf(order), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{receipt_filename(order)}"'
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-store"
    return response

"""A buyer at the checkout: what she puts in her cart and types into the form."""


def checkout_data(**overrides) -> dict:
    """What a buyer in Dushanbe types into the checkout form, paying by bank transfer."""
    data = {
        "email": "madina@example.org",
        "name": "Madina Karimova",
        "phone": "",
        "address_line1": "Rudaki Avenue 12, apt 4",
        "address_line2": "",
        "city": "Dushanbe",
        "region": "",
        "postal_code": "734025",
        "country": "TJ",
        "note": "",
        "payment_method": "bank_transfer",
        "terms_accepted": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def cart_with(client, *offers_and_quantities, language="en"):
    for offer, quantity in offers_and_quantities:
        client.post(f"/{language}/shop/cart/add/", {"offer": offer.pk, "quantity": quantity})

"""Responsive pictures offer only the widths an image really has: a 960 px photo asked for
at 960 and 1440 px is one 960 px candidate (never two `960w`, never an upscaled copy), so
the markup is valid and browsers do not fetch the same picture twice."""

import re

from django.template import Context, Template

import pytest

from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def render(markup: str, image) -> str:
    template = Template("{% load wagtailimages_tags heritage_images %}" + markup)
    return template.render(Context({"image": image}))


def widths(srcset: str) -> list[str]:
    return [candidate.strip().split(" ")[1] for candidate in srcset.split(",")]


def srcsets(html: str) -> list[str]:
    return re.findall(r'srcset="([^"]+)"', html)


def test_a_narrow_photo_is_offered_once_per_width_it_really_has():
    image = ImageFactory(pixel_size=(960, 540))

    html = render(
        '{% picture image format-{avif,webp,jpeg} width-{480,960,1440} sizes="100vw" alt="" %}', image
    )

    assert len(srcsets(html)) == 3  # avif and webp sources, the jpeg fallback
    for srcset in srcsets(html):
        assert widths(srcset) == ["480w", "960w"]


def test_a_small_hero_cropped_to_two_sizes_gives_one_candidate_with_its_real_width():
    image = ImageFactory(pixel_size=(751, 500))

    html = render(
        '{% picture image format-{avif,webp,jpeg} fill-{800x450,1600x900} sizes="100vw" alt="" %}', image
    )

    for srcset in srcsets(html):
        assert widths(srcset) == ["751w"]
    img = re.search(r"<img [^>]+>", html).group(0)
    # `sizes` on an image needs a `srcset` with widths beside it.
    assert 'sizes="100vw"' in img and "srcset=" in img


def test_a_large_photo_keeps_every_width_asked_for():
    image = ImageFactory(pixel_size=(2000, 1500))

    html = render('{% srcset_image image width-{480,960,1440} sizes="100vw" alt="" %}', image)

    assert widths(srcsets(html)[0]) == ["480w", "960w", "1440w"]

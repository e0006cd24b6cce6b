from django.urls import path

from .views import studio

app_name = "gallery"

# Mounted at /<lang>/studio/artworks/: the artist's own works.
urlpatterns = [
    path("", studio.artwork_list, name="artwork-list"),
    path("new/", studio.artwork_create, name="artwork-create"),
    path("<int:pk>/", studio.artwork_edit, name="artwork-edit"),
    path("<int:pk>/images/", studio.artwork_image_upload, name="artwork-image-upload"),
    path("<int:pk>/images/order/", studio.artwork_images_order, name="artwork-images-order"),
    path(
        "<int:pk>/images/<int:image_pk>/primary/",
        studio.artwork_image_primary,
        name="artwork-image-primary",
    ),
    path(
        "<int:pk>/images/<int:image_pk>/original/",
        studio.artwork_image_original,
        name="artwork-image-original",
    ),
    path(
        "<int:pk>/images/<int:image_pk>/remove/",
        studio.artwork_image_remove,
        name="artwork-image-remove",
    ),
    path("<int:pk>/submit/", studio.artwork_submit, name="artwork-submit"),
    path("<int:pk>/withdraw/", studio.artwork_withdraw, name="artwork-withdraw"),
    path("<int:pk>/archive/", studio.artwork_archive, name="artwork-archive"),
]

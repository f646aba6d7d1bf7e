# GENERATED FILE - DO NOT EDIT.
# Generated from forms/initiative_form.ui by pyside6-uic; run `python -m dxeditor.ui.forms` to regenerate.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'initiative_form.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QGridLayout,
    QGroupBox, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QScrollArea, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

from dxeditor.ui.bullet_editor import BulletEditor
from dxeditor.ui.sdgs import SdgPicker

class Ui_InitiativeForm(object):
    def setupUi(self, InitiativeForm):
        if not InitiativeForm.objectName():
            InitiativeForm.setObjectName(u"InitiativeForm")
        self.outerLayout = QVBoxLayout(InitiativeForm)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(InitiativeForm)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contentLayout = QVBoxLayout(self.scrollContents)
        self.contentLayout.setObjectName(u"contentLayout")
        self.basicsLayout = QGridLayout()
        self.basicsLayout.setObjectName(u"basicsLayout")
        self.numberLabel = QLabel(self.scrollContents)
        self.numberLabel.setObjectName(u"numberLabel")

        self.basicsLayout.addWidget(self.numberLabel, 0, 0, 1, 1)

        self.numberEdit = QLineEdit(self.scrollContents)
        self.numberEdit.setObjectName(u"numberEdit")
        self.numberEdit.setMaximumSize(QSize(140, 16777215))

        self.basicsLayout.addWidget(self.numberEdit, 0, 1, 1, 1)

        self.titleLabel = QLabel(self.scrollContents)
        self.titleLabel.setObjectName(u"titleLabel")

        self.basicsLayout.addWidget(self.titleLabel, 1, 0, 1, 1)

        self.titleEdit = QLineEdit(self.scrollContents)
        self.titleEdit.setObjectName(u"titleEdit")

        self.basicsLayout.addWidget(self.titleEdit, 1, 1, 1, 1)

        self.leadLabel = QLabel(self.scrollContents)
        self.leadLabel.setObjectName(u"leadLabel")

        self.basicsLayout.addWidget(self.leadLabel, 2, 0, 1, 1)

        self.leadCombo = QComboBox(self.scrollContents)
        self.leadCombo.setObjectName(u"leadCombo")

        self.basicsLayout.addWidget(self.leadCombo, 2, 1, 1, 1)

        self.relatedLabel = QLabel(self.scrollContents)
        self.relatedLabel.setObjectName(u"relatedLabel")

        self.basicsLayout.addWidget(self.relatedLabel, 3, 0, 1, 1)

        self.relatedList = QListWidget(self.scrollContents)
        self.relatedList.setObjectName(u"relatedList")
        self.relatedList.setMaximumSize(QSize(16777215, 90))

        self.basicsLayout.addWidget(self.relatedList, 3, 1, 1, 1)


        self.contentLayout.addLayout(self.basicsLayout)

        self.currentGroup = QGroupBox(self.scrollContents)
        self.currentGroup.setObjectName(u"currentGroup")
        self.currentGroupLayout = QVBoxLayout(self.currentGroup)
        self.currentGroupLayout.setObjectName(u"currentGroupLayout")
        self.currentGroupLayout.setContentsMargins(6, 6, 6, 6)
        self.currentEdit = BulletEditor(self.currentGroup)
        self.currentEdit.setObjectName(u"currentEdit")

        self.currentGroupLayout.addWidget(self.currentEdit)


        self.contentLayout.addWidget(self.currentGroup)

        self.directionGroup = QGroupBox(self.scrollContents)
        self.directionGroup.setObjectName(u"directionGroup")
        self.directionGroupLayout = QVBoxLayout(self.directionGroup)
        self.directionGroupLayout.setObjectName(u"directionGroupLayout")
        self.directionGroupLayout.setContentsMargins(6, 6, 6, 6)
        self.directionEdit = BulletEditor(self.directionGroup)
        self.directionEdit.setObjectName(u"directionEdit")

        self.directionGroupLayout.addWidget(self.directionEdit)


        self.contentLayout.addWidget(self.directionGroup)

        self.contentGroup = QGroupBox(self.scrollContents)
        self.contentGroup.setObjectName(u"contentGroup")
        self.contentGroupLayout = QVBoxLayout(self.contentGroup)
        self.contentGroupLayout.setObjectName(u"contentGroupLayout")
        self.contentGroupLayout.setContentsMargins(6, 6, 6, 6)
        self.contentEdit = BulletEditor(self.contentGroup)
        self.contentEdit.setObjectName(u"contentEdit")

        self.contentGroupLayout.addWidget(self.contentEdit)


        self.contentLayout.addWidget(self.contentGroup)

        self.kpiGroup = QGroupBox(self.scrollContents)
        self.kpiGroup.setObjectName(u"kpiGroup")
        self.kpiGroupLayout = QVBoxLayout(self.kpiGroup)
        self.kpiGroupLayout.setObjectName(u"kpiGroupLayout")
        self.kpiGroupLayout.setContentsMargins(6, 6, 6, 6)
        self.kpiHost = QWidget(self.kpiGroup)
        self.kpiHost.setObjectName(u"kpiHost")

        self.kpiGroupLayout.addWidget(self.kpiHost)


        self.contentLayout.addWidget(self.kpiGroup)

        self.sdgGroup = QGroupBox(self.scrollContents)
        self.sdgGroup.setObjectName(u"sdgGroup")
        self.sdgGroupLayout = QVBoxLayout(self.sdgGroup)
        self.sdgGroupLayout.setObjectName(u"sdgGroupLayout")
        self.sdgGroupLayout.setContentsMargins(6, 6, 6, 6)
        self.sdgPicker = SdgPicker(self.sdgGroup)
        self.sdgPicker.setObjectName(u"sdgPicker")

        self.sdgGroupLayout.addWidget(self.sdgPicker)


        self.contentLayout.addWidget(self.sdgGroup)

        self.nationalGroup = QGroupBox(self.scrollContents)
        self.nationalGroup.setObjectName(u"nationalGroup")
        self.nationalLayout = QGridLayout(self.nationalGroup)
        self.nationalLayout.setObjectName(u"nationalLayout")
        self.nationalCategoryLabel = QLabel(self.nationalGroup)
        self.nationalCategoryLabel.setObjectName(u"nationalCategoryLabel")

        self.nationalLayout.addWidget(self.nationalCategoryLabel, 0, 0, 1, 1)

        self.nationalCategoryCombo = QComboBox(self.nationalGroup)
        self.nationalCategoryCombo.setObjectName(u"nationalCategoryCombo")

        self.nationalLayout.addWidget(self.nationalCategoryCombo, 0, 1, 1, 1)

        self.nationalNumberLabel = QLabel(self.nationalGroup)
        self.nationalNumberLabel.setObjectName(u"nationalNumberLabel")

        self.nationalLayout.addWidget(self.nationalNumberLabel, 1, 0, 1, 1)

        self.nationalNumberSpin = QSpinBox(self.nationalGroup)
        self.nationalNumberSpin.setObjectName(u"nationalNumberSpin")
        self.nationalNumberSpin.setMaximum(99)

        self.nationalLayout.addWidget(self.nationalNumberSpin, 1, 1, 1, 1)

        self.nationalTargetLabel = QLabel(self.nationalGroup)
        self.nationalTargetLabel.setObjectName(u"nationalTargetLabel")

        self.nationalLayout.addWidget(self.nationalTargetLabel, 2, 0, 1, 1)

        self.nationalTargetEdit = QLineEdit(self.nationalGroup)
        self.nationalTargetEdit.setObjectName(u"nationalTargetEdit")

        self.nationalLayout.addWidget(self.nationalTargetEdit, 2, 1, 1, 1)


        self.contentLayout.addWidget(self.nationalGroup)

        self.referenceGroup = QGroupBox(self.scrollContents)
        self.referenceGroup.setObjectName(u"referenceGroup")
        self.referenceGroupLayout = QVBoxLayout(self.referenceGroup)
        self.referenceGroupLayout.setObjectName(u"referenceGroupLayout")
        self.referenceGroupLayout.setContentsMargins(6, 6, 6, 6)
        self.referenceHost = QWidget(self.referenceGroup)
        self.referenceHost.setObjectName(u"referenceHost")

        self.referenceGroupLayout.addWidget(self.referenceHost)


        self.contentLayout.addWidget(self.referenceGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentLayout.addItem(self.bottomSpacer)

        self.scrollArea.setWidget(self.scrollContents)

        self.outerLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.numberLabel.setBuddy(self.numberEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.leadLabel.setBuddy(self.leadCombo)
        self.relatedLabel.setBuddy(self.relatedList)
        self.nationalCategoryLabel.setBuddy(self.nationalCategoryCombo)
        self.nationalNumberLabel.setBuddy(self.nationalNumberSpin)
        self.nationalTargetLabel.setBuddy(self.nationalTargetEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.numberEdit, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.leadCombo)
        QWidget.setTabOrder(self.leadCombo, self.relatedList)
        QWidget.setTabOrder(self.relatedList, self.currentEdit)
        QWidget.setTabOrder(self.currentEdit, self.directionEdit)
        QWidget.setTabOrder(self.directionEdit, self.contentEdit)
        QWidget.setTabOrder(self.contentEdit, self.nationalCategoryCombo)
        QWidget.setTabOrder(self.nationalCategoryCombo, self.nationalNumberSpin)
        QWidget.setTabOrder(self.nationalNumberSpin, self.nationalTargetEdit)

        self.retranslateUi(InitiativeForm)

        QMetaObject.connectSlotsByName(InitiativeForm)
    # setupUi

    def retranslateUi(self, InitiativeForm):
        InitiativeForm.setWindowTitle(QCoreApplication.translate("InitiativeForm", u"\u53d6\u7d44", None))
        self.numberLabel.setText(QCoreApplication.translate("InitiativeForm", u"\u756a\u53f7(&N)", None))
        self.numberEdit.setPlaceholderText(QCoreApplication.translate("InitiativeForm", u"\u81ea\u52d5", None))
        self.titleLabel.setText(QCoreApplication.translate("InitiativeForm", u"\u53d6\u7d44\u540d(&T)", None))
        self.leadLabel.setText(QCoreApplication.translate("InitiativeForm", u"\u4e3b\u7ba1\u8ab2(&L)", None))
        self.relatedLabel.setText(QCoreApplication.translate("InitiativeForm", u"\u95a2\u4fc2\u8ab2(&R)", None))
        self.currentGroup.setTitle(QCoreApplication.translate("InitiativeForm", u"\u73fe\u72b6\u3068\u8ab2\u984c", None))
        self.directionGroup.setTitle(QCoreApplication.translate("InitiativeForm", u"\u53d6\u7d44\u306e\u65b9\u5411\u6027", None))
        self.contentGroup.setTitle(QCoreApplication.translate("InitiativeForm", u"\u53d6\u7d44\u5185\u5bb9", None))
        self.kpiGroup.setTitle(QCoreApplication.translate("InitiativeForm", u"\u6210\u679c\u76ee\u6a19\uff08KPI\uff09", None))
        self.sdgGroup.setTitle(QCoreApplication.translate("InitiativeForm", u"SDGs \u3068\u306e\u95a2\u4fc2", None))
        self.nationalGroup.setTitle(QCoreApplication.translate("InitiativeForm", u"\u81ea\u6cbb\u4f53DX\u63a8\u9032\u8a08\u753b\u306e\u53d6\u7d44\u4e8b\u9805", None))
        self.nationalCategoryLabel.setText(QCoreApplication.translate("InitiativeForm", u"\u533a\u5206", None))
        self.nationalNumberLabel.setText(QCoreApplication.translate("InitiativeForm", u"\u756a\u53f7", None))
        self.nationalNumberSpin.setSpecialValueText(QCoreApplication.translate("InitiativeForm", u"\u2014", None))
        self.nationalTargetLabel.setText(QCoreApplication.translate("InitiativeForm", u"\u56fd\u304c\u63b2\u3052\u308b\u76ee\u6a19\u6642\u671f", None))
        self.nationalTargetEdit.setPlaceholderText(QCoreApplication.translate("InitiativeForm", u"\u4f8b: \u4ee4\u548c7\u5e74\u5ea6", None))
        self.referenceGroup.setTitle(QCoreApplication.translate("InitiativeForm", u"\u6839\u62e0\u30fb\u95a2\u9023\u8a08\u753b", None))
    # retranslateUi


// LayoutTableFinder (pipeline/normalize/layout_table.h): task tables in the column
// layout of `pdftotext -layout`, and what is not one. Table-driven: each case is a text
// and the rows expected, written as their cells joined by " | ".
#include "pipeline/normalize/layout_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/ruleset/ruleset.h"
#include "tests/normalize/normalize_test_util.h"

namespace notices::normalize::internal {
namespace {

std::string Cell(std::string_view text, const std::vector<Range>& pieces) {
  std::string out;
  for (const Range& r : pieces) {
    if (!out.empty()) out += ' ';
    out.append(text.substr(r.begin, r.size()));
  }
  return out;
}

// Each table as its rows; each row as "c1 | c2 | ...", a section row prefixed by "§ ".
std::vector<std::vector<std::string>> Rows(std::string_view text) {
  auto finder = LayoutTableFinder::Create(*ruleset::RuleSet::Builtin().value());
  EXPECT_TRUE(finder.ok());
  std::vector<std::vector<std::string>> out;
  for (const LayoutTable& t : finder->Find(text)) {
    std::vector<std::string> rows;
    for (const LayoutRow& r : t.rows) {
      std::string row = r.section ? "§ " : "";
      for (size_t c = 0; c < r.cells.size(); ++c) row += (c > 0 ? " | " : "") + Cell(text, r.cells[c]);
      rows.push_back(row);
    }
    out.push_back(rows);
  }
  return out;
}

struct Case {
  const char* name;
  const char* text;
  std::vector<std::vector<std::string>> tables;
};

const Case kCases[] = {
    {"one-space columns, two-line header with sub-headers, wrapped cells and sections",
     "    TT          Nhiệm vụ            Sản phẩm Cơ quan thực hiện              Thời hạn\n"
     "                                     Chủ trì Phối hợp\n"
     "A        NHIỆM VỤ VỀ DỮ LIỆU\n"
     "1        Xây dựng cơ sở dữ liệu địa Cơ sở dữ liệu Sở Nông       Sở Tài chính Trước ngày\n"
     "         chính cấp tỉnh               được vận    nghiệp và                  30/9/2026\n"
     "                                      hành        Môi trường\n"
     "2        Số hóa hồ sơ địa chính lưu Kho hồ sơ số Sở Nông        UBND các Tháng\n"
     "         trữ tại Văn phòng đăng ký                nghiệp và     xã, phường 6/2026\n"
     "         đất đai                                  Môi trường\n"
     "3        Chuẩn hóa dữ liệu dân cư Dữ liệu được Công an tỉnh Sở Nông          6 tháng đầu\n"
     "         phục vụ kết nối với cơ sở dữ làm sạch                  nghiệp và    năm 2026\n"
     "         liệu đất đai                                           Môi trường\n"
     "B        NHIỆM VỤ VỀ HẠ TẦNG\n"
     "         VÀ KẾT NỐI\n"
     "4        Nâng cấp đường truyền số Đường           Đề nghị       Sở Khoa học Quý II/2026\n"
     "         liệu chuyên dùng đến bộ      truyền được Viettel Tuyên và Công\n"
     "         phận một cửa các xã,         nâng cấp    Quang         nghệ\n"
     "         phường\n",
     {{"TT | Nhiệm vụ | Sản phẩm | Chủ trì | Phối hợp | Thời hạn",
       "§ A | NHIỆM VỤ VỀ DỮ LIỆU |  |  |  | ",
       "1 | Xây dựng cơ sở dữ liệu địa chính cấp tỉnh | Cơ sở dữ liệu được vận hành | Sở Nông nghiệp và "
       "Môi trường | Sở Tài chính | Trước ngày 30/9/2026",
       "2 | Số hóa hồ sơ địa chính lưu trữ tại Văn phòng đăng ký đất đai | Kho hồ sơ số | Sở Nông nghiệp và "
       "Môi trường | UBND các xã, phường | Tháng 6/2026",
       "3 | Chuẩn hóa dữ liệu dân cư phục vụ kết nối với cơ sở dữ liệu đất đai | Dữ liệu được làm sạch | "
       "Công an tỉnh | Sở Nông nghiệp và Môi trường | 6 tháng đầu năm 2026",
       "§ B | NHIỆM VỤ VỀ HẠ TẦNG VÀ KẾT NỐI |  |  |  | ",
       "4 | Nâng cấp đường truyền số liệu chuyên dùng đến bộ phận một cửa các xã, phường | Đường truyền "
       "được nâng cấp | Đề nghị Viettel Tuyên Quang | Sở Khoa học và Công nghệ | Quý II/2026"}}},
    {"header names wrapped over three lines, numbering row, a page break inside a row, prose after",
     "Kế hoạch như sau:\n"
     " STT      Nội dung công việc         Đơn vị        Đơn vị Thời gian              Kết\n"
     "                                     chủ trì      phối hợp thực hiện           quả/sản\n"
     "                                                                                phẩm\n"
     "(1)     (2)                         (3)          (4)           (5)           (6)\n"
     "I       CÔNG TÁC CHUẨN BỊ\n"
     "1       Kiện toàn Ban Chỉ huy       Sở Nông      Bộ Chỉ huy Tháng            Quyết định\n"
     "        phòng thủ dân sự các cấp    nghiệp và    Quân sự tỉnh 5/2026         kiện toàn\n"
     "8       Trực ban 24/24 giờ, theo dõi Văn phòng Đài Khí         Hằng ngày     Báo cáo\n"
     "        diễn biến thời tiết và tham thường trực tượng thủy     trong mùa     nhanh\n"
     "\f                                             2\n"
     "         mưu chỉ đạo ứng phó khi có Ban Chỉ huy văn tỉnh         mưa bão\n"
     "         thiên tai                   phòng thủ\n"
     "\n"
     "      Các cơ quan, đơn vị được giao nhiệm vụ chủ động bố trí lực lượng, phương\n"
     "tiện; báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường trước ngày\n",
     {{"STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện | Kết quả/sản phẩm",
       "§ I | CÔNG TÁC CHUẨN BỊ |  |  |  | ",
       "1 | Kiện toàn Ban Chỉ huy phòng thủ dân sự các cấp | Sở Nông nghiệp và | Bộ Chỉ huy Quân sự tỉnh | "
       "Tháng 5/2026 | Quyết định kiện toàn",
       "8 | Trực ban 24/24 giờ, theo dõi diễn biến thời tiết và tham mưu chỉ đạo ứng phó khi có thiên tai | "
       "Văn phòng thường trực Ban Chỉ huy phòng thủ | Đài Khí tượng thủy văn tỉnh | Hằng ngày trong mùa "
       "mưa bão | Báo cáo nhanh"}}},
    {"a section title written with its label, merged lead cells left empty",
     " STT      Nội dung nhiệm vụ          Đơn vị   Phối hợp          Tiến độ     Sản phẩm\n"
     "                                    thực hiện\n"
     "I. Chăm sóc sức khỏe ban đầu\n"
     "1        Củng cố mạng lưới y tế cơ Sở Y tế          Sở Nội vụ   Quý IV/2026 Trạm y tế đủ\n"
     "         sở, bố trí đủ bác sĩ cho trạm                                      nhân lực\n"
     "2        Triển khai hồ sơ sức khỏe                  Bảo hiểm xã Tháng       Hồ sơ được\n"
     "         điện tử cho người dân                      hội tỉnh    10/2026     lập\n",
     {{"STT | Nội dung nhiệm vụ | Đơn vị thực hiện | Phối hợp | Tiến độ | Sản phẩm",
       "§ I. | Chăm sóc sức khỏe ban đầu |  |  |  | ",
       "1 | Củng cố mạng lưới y tế cơ sở, bố trí đủ bác sĩ cho trạm | Sở Y tế | Sở Nội vụ | "
       "Quý IV/2026 | Trạm y tế đủ nhân lực",
       "2 | Triển khai hồ sơ sức khỏe điện tử cho người dân |  | Bảo hiểm xã hội tỉnh | Tháng 10/2026 | "
       "Hồ sơ được lập"}}},
    {"no index column: rows start at a line of capitalised cells",
     "Nội dung nhiệm vụ            Cơ quan chủ trì     Cơ quan phối hợp    Thời hạn\n"
     "Xây dựng cơ sở dữ liệu địa   Sở Nông nghiệp và   Sở Tài chính        Quý II/2026\n"
     "chính cấp tỉnh               Môi trường\n"
     "Kiểm tra an toàn thông tin   Công an tỉnh        Sở Khoa học và      Năm 2027\n"
     "của hệ thống                                     Công nghệ\n",
     {{"Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn",
       "Xây dựng cơ sở dữ liệu địa chính cấp tỉnh | Sở Nông nghiệp và Môi trường | Sở Tài chính | Quý II/2026",
       "Kiểm tra an toàn thông tin của hệ thống | Công an tỉnh | Sở Khoa học và Công nghệ | Năm 2027"}}},
    {"a header repeated after a page break and its page number are left out",
     " STT      Nội dung nhiệm vụ          Đơn vị   Phối hợp          Tiến độ     Sản phẩm\n"
     "                                    thực hiện\n"
     "1        Củng cố mạng lưới y tế cơ Sở Y tế          Sở Nội vụ   Quý IV/2026 Trạm y tế đủ\n"
     "         sở, bố trí đủ bác sĩ cho trạm                                      nhân lực\n"
     "\f                                    2\n"
     " STT      Nội dung nhiệm vụ          Đơn vị   Phối hợp          Tiến độ     Sản phẩm\n"
     "                                    thực hiện\n"
     "2        Triển khai hồ sơ sức khỏe                  Bảo hiểm xã Tháng       Hồ sơ được\n"
     "         điện tử cho người dân                      hội tỉnh    10/2026     lập\n",
     {{"STT | Nội dung nhiệm vụ | Đơn vị thực hiện | Phối hợp | Tiến độ | Sản phẩm",
       "1 | Củng cố mạng lưới y tế cơ sở, bố trí đủ bác sĩ cho trạm | Sở Y tế | Sở Nội vụ | Quý IV/2026 | "
       "Trạm y tế đủ nhân lực",
       "2 | Triển khai hồ sơ sức khỏe điện tử cho người dân |  | Bảo hiểm xã hội tỉnh | Tháng 10/2026 | "
       "Hồ sơ được lập"}}},
    // Split points chosen by content where position is doubtful (layout_table.h).
    {"a deadline one space after the coordinate cell and 7 columns left of its header, the product one space after it; an agency name finished on the next line",
     " STT      Nội dung nhiệm vụ          Đơn vị   Phối hợp          Tiến độ     Sản phẩm\n"
     "                                    thực hiện\n"
     "1        Củng cố mạng lưới y tế cơ Sở Y tế          Sở Nội vụ   Quý IV/2026 Trạm y tế đủ\n"
     "         sở, bố trí đủ bác sĩ cho trạm                                      nhân lực\n"
     "         y tế xã\n"
     "2        Triển khai hồ sơ sức khỏe                  Bảo hiểm xã Tháng       Hồ sơ được\n"
     "         điện tử cho người dân                      hội tỉnh    10/2026     lập\n"
     "4        Rà soát, sắp xếp mạng lưới Sở Giáo dục UBND các Năm 2026 Đề án sắp\n"
     "         trường mầm non ở các xã và Đào tạo xã                              xếp\n"
     "         khó khăn\n"
     "5        Bồi dưỡng chuyên môn cho                   Sở Nội vụ   Tháng       Lớp bồi\n"
     "         giáo viên mầm non hợp                                  8/2027      dưỡng\n"
     "         đồng\n",
     {{"STT | Nội dung nhiệm vụ | Đơn vị thực hiện | Phối hợp | Tiến độ | Sản phẩm",
       "1 | Củng cố mạng lưới y tế cơ sở, bố trí đủ bác sĩ cho trạm y tế xã | Sở Y tế | Sở Nội vụ | Quý IV/2026 | Trạm y tế đủ nhân lực",
       "2 | Triển khai hồ sơ sức khỏe điện tử cho người dân |  | Bảo hiểm xã hội tỉnh | Tháng 10/2026 | Hồ sơ được lập",
       "4 | Rà soát, sắp xếp mạng lưới trường mầm non ở các xã khó khăn | Sở Giáo dục và Đào tạo | UBND các xã | Năm 2026 | Đề án sắp xếp",
       "5 | Bồi dưỡng chuyên môn cho giáo viên mầm non hợp đồng |  | Sở Nội vụ | Tháng 8/2027 | Lớp bồi dưỡng"}}},
    {"agency names and a deadline continued on the lines below, packed one space apart",
     " STT      Nội dung nhiệm vụ          Đơn vị   Phối hợp          Tiến độ     Sản phẩm\n"
     "                                    thực hiện\n"
     "1        Củng cố mạng lưới y tế cơ Sở Y tế          Sở Nội vụ   Quý IV/2026 Trạm y tế đủ\n"
     "         sở, bố trí đủ bác sĩ cho trạm                                      nhân lực\n"
     "         y tế xã\n"
     "2        Triển khai hồ sơ sức khỏe                  Bảo hiểm xã Tháng       Hồ sơ được\n"
     "         điện tử cho người dân                      hội tỉnh    10/2026     lập\n"
     "6        Hỗ trợ bữa ăn trưa cho trẻ Sở Tài chính Sở Giáo dục 2026 - 2027 Quyết định\n"
     "         mẫu giáo ở vùng đồng bào                   và Đào tạo              hỗ trợ\n"
     "         dân tộc thiểu số\n"
     "7        Vận động nguồn lực xã hội Đề nghị Ủy Hội Liên          Thường      Sân chơi\n"
     "         hóa trang bị đồ chơi ngoài ban Mặt trận hiệp Phụ nữ xuyên          được trang bị\n"
     "         trời                          Tổ quốc Việt tỉnh\n"
     "                                       Nam tỉnh\n",
     {{"STT | Nội dung nhiệm vụ | Đơn vị thực hiện | Phối hợp | Tiến độ | Sản phẩm",
       "1 | Củng cố mạng lưới y tế cơ sở, bố trí đủ bác sĩ cho trạm y tế xã | Sở Y tế | Sở Nội vụ | Quý IV/2026 | Trạm y tế đủ nhân lực",
       "2 | Triển khai hồ sơ sức khỏe điện tử cho người dân |  | Bảo hiểm xã hội tỉnh | Tháng 10/2026 | Hồ sơ được lập",
       "6 | Hỗ trợ bữa ăn trưa cho trẻ mẫu giáo ở vùng đồng bào dân tộc thiểu số | Sở Tài chính | Sở Giáo dục và Đào tạo | 2026 - 2027 | Quyết định hỗ trợ",
       "7 | Vận động nguồn lực xã hội hóa trang bị đồ chơi ngoài trời | Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh | Hội Liên hiệp Phụ nữ tỉnh | Thường xuyên | Sân chơi được trang bị"}}},
    {"a date one space after the coordinate cell continues the deadline above it",
     " STT      Nội dung công việc         Đơn vị        Đơn vị Thời gian              Kết\n"
     "                                     chủ trì      phối hợp thực hiện           quả/sản\n"
     "                                                                                phẩm\n"
     "I       CÔNG TÁC CHUẨN BỊ\n"
     "1       Kiện toàn Ban Chỉ huy       Sở Nông      Bộ Chỉ huy Tháng            Quyết định\n"
     "        phòng thủ dân sự các cấp và nghiệp và    Quân sự tỉnh 5/2026         kiện toàn\n"
     "        phân công nhiệm vụ cho      Môi trường\n"
     "        từng thành viên\n"
     "2       Rà soát, cập nhật phương án UBND các     Bộ Chỉ huy Trước ngày       Phương án\n"
     "        ứng phó với bão mạnh, siêu xã, phường    Quân sự tỉnh; 30/6/2026     được phê\n"
     "        bão và phương án sơ tán dân ven biển     Công an tỉnh                duyệt\n"
     "        ở vùng ven biển\n"
     "3       Kiểm tra an toàn các hồ     Sở Nông      Công ty        Quý III/2026 Báo cáo kết\n"
     "        chứa thủy lợi trước mùa     nghiệp và    TNHH Khai                   quả kiểm tra\n"
     "        mưa bão                     Môi trường   thác công\n"
     "                                                 trình thủy lợi\n"
     "                                                 tỉnh\n"
     "4       Dự trữ lương thực, thuốc     Sở Công     Sở Y tế;       Trước ngày Danh mục\n"
     "        men và nhu yếu phẩm tại      Thương      UBND các 31/8/2026          hàng dự trữ\n"
     "        các khu vực có nguy cơ bị                xã, phường\n"
     "        chia cắt\n",
     {{"STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện | Kết quả/sản phẩm",
       "§ I | CÔNG TÁC CHUẨN BỊ |  |  |  | ",
       "1 | Kiện toàn Ban Chỉ huy phòng thủ dân sự các cấp và phân công nhiệm vụ cho từng thành viên | Sở Nông nghiệp và Môi trường | Bộ Chỉ huy Quân sự tỉnh | Tháng 5/2026 | Quyết định kiện toàn",
       "2 | Rà soát, cập nhật phương án ứng phó với bão mạnh, siêu bão và phương án sơ tán dân ở vùng ven biển | UBND các xã, phường ven biển | Bộ Chỉ huy Quân sự tỉnh; Công an tỉnh | Trước ngày 30/6/2026 | Phương án được phê duyệt",
       "3 | Kiểm tra an toàn các hồ chứa thủy lợi trước mùa mưa bão | Sở Nông nghiệp và Môi trường | Công ty TNHH Khai thác công trình thủy lợi tỉnh | Quý III/2026 | Báo cáo kết quả kiểm tra",
       "4 | Dự trữ lương thực, thuốc men và nhu yếu phẩm tại các khu vực có nguy cơ bị chia cắt | Sở Công Thương | Sở Y tế; UBND các xã, phường | Trước ngày 31/8/2026 | Danh mục hàng dự trữ"}}},
    {"the rest of a collective name one space after the lead cell",
     "    TT          Nhiệm vụ            Sản phẩm Cơ quan thực hiện              Thời hạn\n"
     "                                     Chủ trì Phối hợp\n"
     "4        Nâng cấp đường truyền số Đường           Đề nghị       Sở Khoa học Quý II/2026\n"
     "         liệu chuyên dùng đến bộ      truyền được Viettel Tuyên và Công\n"
     "         phận một cửa các xã,         nâng cấp    Quang         nghệ\n"
     "         phường\n"
     "5        Kiểm tra, đánh giá an toàn Báo cáo đánh Sở Khoa học Công an tỉnh Định kỳ hằng\n"
     "         thông tin của hệ thống       giá         và Công                    quý\n"
     "                                                  nghệ\n"
     "6        Tập huấn khai thác cơ sở dữ Lớp tập huấn Trung tâm     UBND các Năm 2027\n"
     "         liệu đất đai cho công chức               Công nghệ xã, phường\n"
     "         địa chính cấp xã                         thông tin tài\n"
     "                                                  nguyên\n"
     "\n",
     {{"TT | Nhiệm vụ | Sản phẩm | Chủ trì | Phối hợp | Thời hạn",
       "4 | Nâng cấp đường truyền số liệu chuyên dùng đến bộ phận một cửa các xã, phường | Đường truyền được nâng cấp | Đề nghị Viettel Tuyên Quang | Sở Khoa học và Công nghệ | Quý II/2026",
       "5 | Kiểm tra, đánh giá an toàn thông tin của hệ thống | Báo cáo đánh giá | Sở Khoa học và Công nghệ | Công an tỉnh | Định kỳ hằng quý",
       "6 | Tập huấn khai thác cơ sở dữ liệu đất đai cho công chức địa chính cấp xã | Lớp tập huấn | Trung tâm Công nghệ thông tin tài nguyên | UBND các xã, phường | Năm 2027"}}},
    {"an agency name 10 columns left of the lead column and a deadline far from the time column stay in the task cell: position decides",
     " STT      Nội dung nhiệm vụ          Đơn vị   Phối hợp          Tiến độ     Sản phẩm\n"
     "                                    thực hiện\n"
     "1        Làm việc với Công an tỉnh Sở Y tế          Sở Nội vụ   Quý IV/2026 Trạm y tế đủ\n"
     "         sở, bố trí cùng Sở Y tế                                            nhân lực\n"
     "         y tế xã\n"
     "2        Triển khai hồ sơ sức khỏe                  Bảo hiểm xã Tháng       Hồ sơ được\n"
     "         điện tử cho người dân                      hội tỉnh    10/2026     lập\n"
     "3        Tổ chức khám sàng lọc                      UBND các Hằng năm       Báo cáo kết\n"
     "         khám lại trong năm 2026                    xã                      quả khám\n"
     "         người cao tuổi\n"
     "4        Rà soát, sắp xếp mạng lưới Sở Giáo dục UBND các Năm 2026 Đề án sắp\n"
     "         trường mầm non ở các xã và Đào tạo xã                              xếp\n"
     "         khó khăn\n"
     "5        Bồi dưỡng chuyên môn cho                   Sở Nội vụ   Tháng       Lớp bồi\n"
     "         giáo viên mầm non hợp                                  8/2027      dưỡng\n"
     "         đồng\n",
     {{"STT | Nội dung nhiệm vụ | Đơn vị thực hiện | Phối hợp | Tiến độ | Sản phẩm",
       "1 | Làm việc với Công an tỉnh sở, bố trí cùng Sở Y tế y tế xã | Sở Y tế | Sở Nội vụ | Quý IV/2026 | Trạm y tế đủ nhân lực",
       "2 | Triển khai hồ sơ sức khỏe điện tử cho người dân |  | Bảo hiểm xã hội tỉnh | Tháng 10/2026 | Hồ sơ được lập",
       "3 | Tổ chức khám sàng lọc khám lại trong năm 2026 người cao tuổi |  | UBND các xã | Hằng năm | Báo cáo kết quả khám",
       "4 | Rà soát, sắp xếp mạng lưới trường mầm non ở các xã khó khăn | Sở Giáo dục và Đào tạo | UBND các xã | Năm 2026 | Đề án sắp xếp",
       "5 | Bồi dưỡng chuyên môn cho giáo viên mầm non hợp đồng |  | Sở Nội vụ | Tháng 8/2027 | Lớp bồi dưỡng"}}},
    {"the two-column document header is no table",
     "    ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "   TỈNH TUYÊN QUANG                         Độc lập - Tự do - Hạnh phúc\n"
     "     Số: 64/KH-UBND                    Tuyên Quang, ngày 12 tháng 3 năm 2026\n",
     {}},
    {"the signature block and Nơi nhận are no table",
     "Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN\n"
     "- Bộ Nông nghiệp và Môi trường                  KT. CHỦ TỊCH\n"
     "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);     Chủ trì      PHÓ CHỦ TỊCH\n"
     "- Chủ tịch, các PCT UBND tỉnh;                Hoàng Minh Quân\n",
     {}},
    {"prose with double spaces is no table",
     "Giao Sở Nông nghiệp  và Môi trường  chủ trì,  phối hợp với Sở Tài chính  hoàn thành\n"
     "nhiệm vụ  trước ngày 30/9/2026;  Sở Khoa học  và Công nghệ  thực hiện  trong quý II.\n",
     {}},
    {"a table without a task or a lead column is left alone",
     " STT      Họ và tên            Chức vụ              Đơn vị công tác\n"
     "1        Nguyễn Văn A         Giám đốc             Sở Tài chính\n"
     "2        Trần Thị B           Phó Giám đốc         Sở Nội vụ\n",
     {}},
};

TEST(LayoutTableTest, FindsTaskTablesAndOnlyThem) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Rows(c.text), c.tables);
  }
}

// The rows of a table found by Normalize come out as " | " paragraphs that map back to
// the words they came from.
TEST(LayoutTableTest, NormalizeWritesRowsAsPipeParagraphs) {
  const std::string text = std::string(kCases[2].text);
  NormalizedText n = testing::Norm(text);
  std::vector<std::string> blocks = testing::Blocks(n);
  ASSERT_GE(blocks.size(), 4u);
  EXPECT_EQ(blocks[0], "STT | Nội dung nhiệm vụ | Đơn vị thực hiện | Phối hợp | Tiến độ | Sản phẩm");
  EXPECT_EQ(blocks[1], "I. Chăm sóc sức khỏe ban đầu");  // a section row, as its text form
  EXPECT_EQ(blocks[3], "2 | Triển khai hồ sơ sức khỏe điện tử cho người dân | | Bảo hiểm xã hội tỉnh | "
                       "Tháng 10/2026 | Hồ sơ được lập");
  // "hội tỉnh" maps to its bytes on the row's second line.
  size_t at = n.text.find("hội tỉnh");
  ASSERT_NE(at, std::string::npos);
  Range src = n.to_decoded.ToSource({at, at + std::string_view("hội tỉnh").size()});
  EXPECT_EQ(text.substr(src.begin, src.size()), "hội tỉnh");
}

// Layout tables damaged at random (spaces added or removed, lines cut or repeated,
// form feeds): the output keeps the invariants of normalized text.
TEST(LayoutTableTest, DamagedTablesKeepTheInvariants) {
  std::string base = testing::ReadFile(NOTICES_SAMPLES_DIR "/kh-bang-qua-trang.layout.txt");
  testing::XorShift next(0x2545F4914F6CDD1Dull);
  for (int round = 0; round < 200; ++round) {
    std::string in = base;
    for (int k = 0; k < 30; ++k) {
      size_t at = next() % in.size();
      switch (next() % 5) {
        case 0: in.insert(at, std::string(1 + next() % 6, ' ')); break;
        case 1: if (in[at] == ' ') in.erase(at, 1); break;
        case 2: in.insert(at, "\f"); break;
        case 3: in.insert(at, in.substr(at, next() % 200)); break;
        default: in.erase(at, next() % 40); break;
      }
    }
    NormalizedText out = testing::Norm(in);
    ASSERT_EQ(out.to_decoded.dst_size(), out.text.size());
    for (size_t i = 0; i < out.text.size(); ++i) ASSERT_LE(out.to_decoded.ToSource(i), in.size());
    EXPECT_EQ(out.text.find("  "), std::string::npos);
    for (const Block& b : out.blocks) {
      std::string t = testing::BlockText(out, b);
      ASSERT_FALSE(t.empty());
      EXPECT_NE(t.front(), ' ');
      EXPECT_NE(t.back(), ' ');
    }
  }
}

}  // namespace
}  // namespace notices::normalize::internal
